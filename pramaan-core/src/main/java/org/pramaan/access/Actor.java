package org.pramaan.access;

import java.util.Objects;
import java.util.Optional;
import org.pramaan.errors.Invalid;

/**
 * Who did something: a caller with an API key, an operator at the command line, or a component of
 * Pramaan itself. Case events, audit entries and holds store its {@link #wireName()}, the same
 * strings they stored before this type existed ({@code key:<id>}, {@code cli:<user>},
 * {@code system}); {@link #parse} reads them back. Code that needs to know what kind of actor it has
 * (an appeal is decided by a person, DSA art.20(6)) checks the type, never a string prefix.
 */
public sealed interface Actor {
    /** The longest id or name an actor may carry: key ids are 12 hex digits, user names are short; anything longer is not one. */
    int MAX_NAME = 128;

    /** The stored form: {@code key:<id>}, {@code user:<name>}, {@code cli:<user>}, {@code system} or {@code system:<component>}. */
    String wireName();

    /** A caller authenticated by an API key; its role when it came from a live request (the stored form keeps only the id). */
    record Key(String keyId, Optional<Role> role) implements Actor {
        public Key {
            keyId = checkedName("key id", keyId);
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String wireName() {
            return "key:" + keyId;
        }
    }

    /**
     * A person signed in to the console with a username/password account an admin created
     * ({@link ConsoleAccounts}); stored as {@code user:<username>}. Its role when it came from a live
     * sign-in (the stored form keeps only the name).
     */
    record User(String username, Optional<Role> role) implements Actor {
        public User {
            username = checkedName("user name", username);
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String wireName() {
            return "user:" + username;
        }
    }

    /** An operator running the {@code pramaan} command line, by their operating-system user name. */
    record Operator(String user) implements Actor {
        public Operator {
            user = checkedName("user name", user);
        }

        @Override
        public String wireName() {
            return "cli:" + user;
        }
    }

    /**
     * Pramaan itself: {@link #PLATFORM} (stored as {@code system}, as retention holds placed on removal
     * always were) or a named component such as {@code clock} (stored as {@code system:clock}).
     */
    record Component(String name) implements Actor {
        public Component {
            Objects.requireNonNull(name, "name");
            if (!name.isEmpty()) name = checkedName("component name", name);
        }

        @Override
        public String wireName() {
            return name.isEmpty() ? "system" : "system:" + name;
        }
    }

    /** Pramaan as a whole, stored as {@code system}. */
    Component PLATFORM = new Component("");

    /** The actor of an authenticated request. */
    static Actor of(Principal p) {
        return new Key(p.keyId(), Optional.of(p.role()));
    }

    static Actor key(String keyId) {
        return new Key(keyId, Optional.empty());
    }

    static Actor operator(String user) {
        return new Operator(user);
    }

    static Actor component(String name) {
        return new Component(name);
    }

    /**
     * Reads a stored actor back.
     *
     * @throws Invalid naming {@code actor} when the text is none of the stored forms
     */
    static Actor parse(String wire) {
        Objects.requireNonNull(wire, "actor");
        // Length first: nothing below scans more than this many characters of untrusted text.
        if (wire.length() > MAX_NAME + 7)
            throw new Invalid(
                    "actor", "actor is " + wire.length() + " characters; at most " + (MAX_NAME + 7) + " are allowed");
        if (wire.equals("system")) return PLATFORM;
        int colon = wire.indexOf(':');
        String kind = colon < 0 ? wire : wire.substring(0, colon);
        String rest = colon < 0 ? "" : wire.substring(colon + 1);
        return switch (kind) {
            case "key" -> new Key(rest, Optional.empty());
            case "cli" -> new Operator(rest);
            case "user" -> new User(rest, Optional.empty());
            case "system" -> new Component(checkedName("component name", rest));
            default ->
                throw new Invalid(
                        "actor",
                        "actor '" + wire + "' is not key:<id>, user:<name>, cli:<user>, system or system:<component>");
        };
    }

    /**
     * A non-blank name of at most {@link #MAX_NAME} characters without control characters (they would
     * forge lines in logs and exports). Colons and inner spaces are kept: the stored form splits at
     * the first colon only, and an operating-system user name may contain either.
     */
    private static String checkedName(String what, String s) {
        Objects.requireNonNull(s, what);
        if (s.length() > MAX_NAME)
            throw new Invalid(
                    "actor",
                    "an actor's " + what + " is " + s.length() + " characters; at most " + MAX_NAME + " are allowed");
        if (s.isBlank() || !s.strip().equals(s))
            throw new Invalid(
                    "actor", "an actor's " + what + " must be non-blank without surrounding spaces, got '" + s + "'");
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new Invalid(
                        "actor",
                        "an actor's " + what + " may not contain the control character U+"
                                + String.format("%04X", (int) s.charAt(i)));
            }
        }
        return s;
    }
}

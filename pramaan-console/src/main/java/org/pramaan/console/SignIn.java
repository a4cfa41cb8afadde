package org.pramaan.console;

import java.util.Objects;
import org.pramaan.access.ApiKeys;
import org.pramaan.access.Principal;
import org.pramaan.access.Role;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;

/**
 * Who may open a console session. Today an API key of a reviewer or admin; a username/password account slots in as
 * another method returning the same {@link Principal}, so sessions, CSRF and auditing stay as they are.
 */
public final class SignIn {
    /** Keys are tens of characters; anything far longer is refused before it is hashed or compared. */
    static final int MAX_KEY_CHARS = 256;

    private final ApiKeys keys;
    private final org.pramaan.access.ConsoleAccounts accounts;

    public SignIn(ApiKeys keys, org.pramaan.access.ConsoleAccounts accounts) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /**
     * The person behind a username/password account an admin created (Argon2id, locked after repeated failures by
     * {@link org.pramaan.access.ConsoleAccounts#authenticate}).
     *
     * @throws Invalid naming {@code username} or {@code password} when empty or too long
     * @throws Forbidden when the name and password do not match an enabled account, or the name is locked
     */
    public Principal withPassword(String username, String password) {
        String u = username == null ? "" : username.strip();
        String pw = password == null ? "" : password;
        if (u.isEmpty()) throw new Invalid("username", "enter a username");
        if (u.length() > org.pramaan.access.ConsoleAccounts.MAX_USERNAME)
            throw new Invalid(
                    "username",
                    "the username is " + u.length() + " characters; at most "
                            + org.pramaan.access.ConsoleAccounts.MAX_USERNAME);
        if (pw.isEmpty()) throw new Invalid("password", "enter a password");
        if (pw.length() > org.pramaan.access.ConsoleAccounts.MAX_PASSWORD)
            throw new Invalid(
                    "password",
                    "the password is " + pw.length() + " characters; at most "
                            + org.pramaan.access.ConsoleAccounts.MAX_PASSWORD);
        org.pramaan.access.Person p = accounts.authenticate(u, pw)
                .orElseThrow(() -> new Forbidden("console.signin_refused", "unknown username or wrong password"));
        return new Principal(Sessions.USER_PREFIX + u, p.role(), p.name());
    }

    /**
     * The person behind an API key.
     *
     * @throws Invalid naming {@code apiKey} when it is empty or too long
     * @throws Forbidden when the key is unknown or revoked, or belongs to an ingest client (an upload path is not a
     *     person who may act on cases: least privilege)
     */
    public Principal withKey(String apiKey) {
        String k = apiKey == null ? "" : apiKey.strip();
        if (k.isEmpty()) throw new Invalid("apiKey", "enter an API key");
        if (k.length() > MAX_KEY_CHARS)
            throw new Invalid(
                    "apiKey",
                    "the API key is " + k.length() + " characters; at most " + MAX_KEY_CHARS + " are allowed");
        Principal p = keys.authenticate(k)
                .orElseThrow(() -> new Forbidden("console.signin_refused", "unknown or revoked API key"));
        if (p.role() == Role.INGEST)
            throw new Forbidden(
                    "console.ingest_key", "an ingest key cannot sign in to the console; use a reviewer or admin key");
        return p;
    }
}

package org.pramaan.access;

import java.util.Objects;

/**
 * Someone who can work cases in the console: a reviewer or admin API key, or a username/password
 * account. A person is <em>senior</em> (may receive escalations) when their role is {@link Role#ADMIN}
 * or, for an account, when the admin who created it set its senior flag; a reviewer API key is never
 * senior, since keys carry no such flag. Ingest keys are never people ({@link People#find}).
 *
 * @param id     the stored actor name: {@code key:<id>} or {@code user:<username>}
 * @param role   {@link Role#ADMIN} or {@link Role#REVIEWER}
 * @param senior may receive escalations
 * @param name   the key's label or the account's username, for display
 */
public record Person(String id, Role role, boolean senior, String name) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        if (role == Role.INGEST) throw new IllegalArgumentException("an ingest key is not a person: " + id);
    }

    /** This person as the actor of what they do, with their role. */
    public Actor actor() {
        Actor stored = Actor.parse(id);
        return switch (stored) {
            case Actor.Key k -> new Actor.Key(k.keyId(), java.util.Optional.of(role));
            case Actor.User u -> new Actor.User(u.username(), java.util.Optional.of(role));
            default -> stored;
        };
    }
}

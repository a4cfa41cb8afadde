package org.pramaan.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A username/password account an admin created for the console.
 *
 * @param username     lower-case name, also its actor name {@code user:<username>}
 * @param role         {@link Role#REVIEWER} or {@link Role#ADMIN}; never {@link Role#INGEST}
 * @param senior       may receive escalations (see {@link Person})
 * @param passwordHash Argon2id in PHC string form ({@link PasswordHashing}); never the password
 * @param disabled     an admin disabled it: it cannot sign in
 * @param createdAt    when it was created
 */
public record ConsoleAccount(
        String username, Role role, boolean senior, String passwordHash, boolean disabled, Instant createdAt) {
    public ConsoleAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ConsoleAccount withDisabled(boolean d) {
        return new ConsoleAccount(username, role, senior, passwordHash, d, createdAt);
    }

    /** The account as a person. */
    public Person person() {
        return new Person("user:" + username, role, senior || role == Role.ADMIN, username);
    }
}

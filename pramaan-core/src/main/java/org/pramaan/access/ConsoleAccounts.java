package org.pramaan.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;

/**
 * Username/password accounts for the console, created by an admin. Passwords are hashed with
 * Argon2id ({@link PasswordHashing}); only the hash is stored. Sign-in is rate-limited per username:
 * after {@link #MAX_FAILURES} failed attempts the username is locked for {@link #LOCKOUT} (OWASP
 * Authentication Cheat Sheet, "account lockout"), whether or not it exists, so the lock reveals
 * nothing about which names are accounts. Lock state is kept in memory: a restart clears it.
 * Ingest keys can never be a console principal: accounts are reviewers or admins only.
 */
public final class ConsoleAccounts {
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_USERNAME = 64;
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Failure counters kept at most; beyond it the oldest are dropped (a flood of made-up names cannot fill memory). */
    static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant lockedUntil) {}

    private final PersonRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>();

    public ConsoleAccounts(PersonRepository repository, AuditLog audit, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates an account.
     *
     * @throws Invalid naming {@code username}, {@code password} or {@code role} when it is not allowed
     * @throws Conflict when the username is taken
     */
    public ConsoleAccount create(String username, String password, Role role, boolean senior, Actor by) {
        String name = checkUsername(username);
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)
            throw new Invalid(
                    "password",
                    "password is " + password.length() + " characters; it must be " + MIN_PASSWORD + " to "
                            + MAX_PASSWORD);
        if (role == Role.INGEST)
            throw new Invalid("role", "a console account is a reviewer or an admin, never an ingest principal");
        // Hash outside the unit of work: ~50 ms of CPU that need not hold the store's lock.
        String hash = PasswordHashing.hash(password);
        return audit.unitOfWork().run(() -> {
            if (repository.findAccount(name).isPresent())
                throw new Conflict(Conflict.REQUEST_CONFLICT, "an account named '" + name + "' already exists");
            ConsoleAccount a = new ConsoleAccount(name, role, senior, hash, false, clock.instant());
            repository.saveAccount(a);
            audit.append(
                    "account.created",
                    "user:" + name,
                    AuditLog.details("role", role.wireName(), "senior", senior, "by", by.wireName()));
            return a;
        });
    }

    public List<ConsoleAccount> list() {
        return repository.accounts();
    }

    /**
     * Disables or enables an account; a disabled account cannot sign in.
     *
     * @throws NotFound {@code account.not_found} for an unknown username
     */
    public ConsoleAccount setDisabled(String username, boolean disabled, Actor by) {
        return audit.unitOfWork().run(() -> {
            ConsoleAccount a = repository
                    .findAccount(username)
                    .orElseThrow(() -> new NotFound("account.not_found", "no account named '" + shown(username) + "'"));
            ConsoleAccount updated = a.withDisabled(disabled);
            repository.saveAccount(updated);
            audit.append(
                    disabled ? "account.disabled" : "account.enabled",
                    "user:" + a.username(),
                    AuditLog.details("by", by.wireName()));
            return updated;
        });
    }

    /**
     * The person an account's credentials identify; empty for a wrong username or password or a
     * disabled account (one answer for all, so a caller cannot tell which).
     *
     * @throws Forbidden {@code auth.locked} while the username is locked after {@link #MAX_FAILURES} failures
     */
    public Optional<Person> authenticate(String username, String password) {
        Instant now = clock.instant();
        String key = username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
        synchronized (failures) {
            Failures f = failures.get(key);
            if (f != null && f.lockedUntil().isAfter(now))
                throw new Forbidden(
                        "auth.locked",
                        "too many failed sign-ins for '" + shown(key) + "'; try again after " + f.lockedUntil());
        }
        Optional<ConsoleAccount> account = username.length() > MAX_USERNAME
                ? Optional.empty()
                : repository.findAccount(username).filter(a -> !a.disabled());
        boolean ok;
        if (password.length() > MAX_PASSWORD) ok = false; // no account has one; never hash an unbounded input
        else if (account.isPresent())
            ok = PasswordHashing.verify(password, account.get().passwordHash());
        else {
            PasswordHashing.verify(password, DECOY); // same time for a name that is no account
            ok = false;
        }
        synchronized (failures) {
            if (ok) {
                failures.remove(key);
                return account.map(ConsoleAccount::person);
            }
            Failures f = failures.remove(key);
            int count = (f == null
                            || !f.lockedUntil().equals(Instant.MIN)
                                    && !f.lockedUntil().isAfter(now))
                    ? 1
                    : f.count() + 1;
            failures.put(key, new Failures(count, count >= MAX_FAILURES ? now.plus(LOCKOUT) : Instant.MIN));
            while (failures.size() > MAX_TRACKED)
                failures.remove(failures.keySet().iterator().next());
        }
        return Optional.empty();
    }

    private static final String DECOY = PasswordHashing.decoy();

    /** Lower-case letters, digits, {@code . _ -}; 1..{@link #MAX_USERNAME} characters. */
    private static String checkUsername(String username) {
        if (username.isEmpty() || username.length() > MAX_USERNAME)
            throw new Invalid(
                    "username", "username is " + username.length() + " characters; it must be 1 to " + MAX_USERNAME);
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!ok)
                throw new Invalid(
                        "username",
                        "username '" + shown(username)
                                + "' may hold only lower-case letters, digits, '.', '_' and '-'");
        }
        return username;
    }

    private static String shown(String s) {
        return s.length() > MAX_USERNAME ? s.substring(0, MAX_USERNAME) + "…" : s;
    }
}

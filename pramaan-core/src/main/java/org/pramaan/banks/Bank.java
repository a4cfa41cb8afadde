package org.pramaan.banks;

import java.time.Instant;
import java.util.Objects;
import org.pramaan.hash.PdqResult;

/**
 * A named hash bank.
 *
 * @param pdqThreshold largest PDQ distance that matches (Meta's convention is 31; tighter for noisy feeds)
 * @param qualityFloor lowest PDQ quality, on either side, that may match (pytx uses 50)
 */
public record Bank(
        String name,
        BankKind kind,
        BankState state,
        int pdqThreshold,
        int qualityFloor,
        String description,
        Instant createdAt) {
    public Bank {
        Objects.requireNonNull(name, "name");
        if (!validName(name)) {
            throw new IllegalArgumentException("bank name '" + name
                    + "' must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        if (pdqThreshold < 0 || pdqThreshold > 128)
            throw new IllegalArgumentException("pdqThreshold must be 0..128, got " + pdqThreshold);
        if (qualityFloor < 0 || qualityFloor > 100)
            throw new IllegalArgumentException("qualityFloor must be 0..100, got " + qualityFloor);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** {@code [a-z0-9][a-z0-9_-]{0,63}} in plain code: names arrive in URL paths (issue 11, no regex on client text). */
    static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 64) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '_' || c == '-'));
            if (!ok) return false;
        }
        return true;
    }

    public static Bank of(String name, BankKind kind, Instant at) {
        return new Bank(
                name, kind, BankState.ENABLED, HashBanks.PDQ_MATCH_DISTANCE, PdqResult.MATCHABLE_QUALITY, "", at);
    }

    public Bank with(BankState newState, int newThreshold, int newFloor, String newDescription) {
        return new Bank(name, kind, newState, newThreshold, newFloor, newDescription, createdAt);
    }
}

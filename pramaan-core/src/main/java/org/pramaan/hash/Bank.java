package org.pramaan.hash;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named hash bank.
 *
 * @param pdqThreshold largest PDQ distance that matches (Meta's convention is 31; tighter for noisy feeds)
 * @param qualityFloor lowest PDQ quality, on either side, that may match (pytx uses 50)
 */
public record Bank(String name, BankKind kind, BankState state, int pdqThreshold, int qualityFloor, String description, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public Bank {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bank name '" + name + "' must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        if (pdqThreshold < 0 || pdqThreshold > 128) throw new IllegalArgumentException("pdqThreshold must be 0..128, got " + pdqThreshold);
        if (qualityFloor < 0 || qualityFloor > 100) throw new IllegalArgumentException("qualityFloor must be 0..100, got " + qualityFloor);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Bank of(String name, BankKind kind, Instant at) {
        return new Bank(name, kind, BankState.ENABLED, HashBanks.PDQ_MATCH_DISTANCE, PdqResult.MATCHABLE_QUALITY, "", at);
    }

    public Bank with(BankState newState, int newThreshold, int newFloor, String newDescription) {
        return new Bank(name, kind, newState, newThreshold, newFloor, newDescription, createdAt);
    }
}

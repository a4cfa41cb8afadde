package org.pramaan.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One audit entry.
 *
 * @param seq      1-based position in the chain
 * @param at       when it was recorded (from the injected clock)
 * @param type     event type, e.g. {@code media.screened}, {@code case.opened}, {@code case.escalated}
 * @param subject  what it is about, e.g. a media id or case id
 * @param details  canonical JSON of the event's facts
 * @param prevHash the previous entry's hash ({@link #GENESIS} for the first)
 * @param hash     SHA-256 over all of the above
 */
public record AuditEntry(
        long seq, Instant at, String type, String subject, String details, String prevHash, String hash) {
    public static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    static AuditEntry seal(long seq, Instant at, String type, String subject, String details, String prevHash) {
        return new AuditEntry(
                seq, at, type, subject, details, prevHash, computeHash(seq, at, type, subject, details, prevHash));
    }

    /** The hash this entry should carry given its contents. */
    public String expectedHash() {
        return computeHash(seq, at, type, subject, details, prevHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static String computeHash(long seq, Instant at, String type, String subject, String details, String prevHash) {
        MessageDigest md = sha256();
        // Length-prefixed fields: no choice of field contents can make two different entries collide.
        for (String f : new String[] {Long.toString(seq), at.toString(), type, subject, details, prevHash}) {
            byte[] b = f.getBytes(StandardCharsets.UTF_8);
            md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

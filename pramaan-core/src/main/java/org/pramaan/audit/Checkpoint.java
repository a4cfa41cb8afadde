package org.pramaan.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pramaan.json.Json;

/**
 * A signed statement "the audit chain had entry {@code seq} with hash {@code hash} at {@code at}",
 * kept outside the database so that rewriting the rows and the head together is still caught. The
 * entry hash covers every earlier entry through the prevHash links, so one signature anchors the
 * whole prefix; it also names this log (entry 1's time and contents are in it), so no separate log id
 * is needed.
 *
 * <p>One line of {@code audit-checkpoints.jsonl} is self-describing: format, the values, the Ed25519
 * public key (X.509 SubjectPublicKeyInfo, base64) and the signature (RFC 8032 Ed25519, base64) over
 * {@link #signedBytes()}.
 */
public record Checkpoint(long seq, String hash, Instant at, String publicKey, String signature) {
    public static final String FORMAT = "pramaan-audit-checkpoint/1";
    /** A checkpoint line is ~300 characters; anything far longer is refused before parsing. */
    static final int MAX_LINE = 4096;

    public Checkpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signature, "signature");
    }

    /** What is signed: the format tag (so a signature cannot be reused for another kind of statement), then the values. */
    public byte[] signedBytes() {
        return signedBytes(seq, hash, at);
    }

    static byte[] signedBytes(long seq, String hash, Instant at) {
        return (FORMAT + "\n" + seq + "\n" + hash + "\n" + at).getBytes(StandardCharsets.UTF_8);
    }

    public String toJsonLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("seq", seq);
        m.put("hash", hash);
        m.put("at", at.toString());
        m.put("publicKey", publicKey);
        m.put("signature", signature);
        return Json.write(m);
    }

    /** Parses one line; the message of the exception names the field that was wrong. Checks no signature. */
    public static Checkpoint parse(String line) {
        if (line.length() > MAX_LINE)
            throw new IllegalArgumentException("a checkpoint line is longer than " + MAX_LINE + " characters");
        JsonNode n;
        try {
            n = Json.mapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("a checkpoint line is not JSON");
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("a checkpoint line is not a JSON object");
        if (!FORMAT.equals(n.path("format").asText()))
            throw new IllegalArgumentException("checkpoint 'format' is not " + FORMAT);
        JsonNode seq = n.path("seq");
        if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1)
            throw new IllegalArgumentException("checkpoint 'seq' is not a positive whole number");
        String hash = text(n, "hash");
        if (!isSha256Hex(hash)) throw new IllegalArgumentException("checkpoint 'hash' is not 64 lower-case hex digits");
        Instant at;
        try {
            at = Instant.parse(text(n, "at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("checkpoint 'at' is not an ISO-8601 instant");
        }
        return new Checkpoint(seq.asLong(), hash, at, text(n, "publicKey"), text(n, "signature"));
    }

    static boolean isSha256Hex(String s) {
        if (s.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }
        return true;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) throw new IllegalArgumentException("checkpoint '" + field + "' is missing or not a string");
        return v.asText();
    }
}

package org.pramaan.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}
 * (unpadded base64). Parameters are OWASP's Password Storage Cheat Sheet minimum for Argon2id:
 * 19 MiB memory, 2 iterations, 1 lane; a random 16-byte salt per password (RFC 9106 §3.1 recommends
 * 16 bytes) and a 32-byte tag. Verification reads the parameters from the stored string, so stored
 * hashes keep working if these are raised later.
 */
final class PasswordHashing {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int TAG_BYTES = 32;
    /** Bounds on parameters read back from a stored hash, so a tampered row cannot ask for gigabytes. */
    private static final int MAX_MEMORY_KIB = 256 * 1024;

    private static final int MAX_ITERATIONS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private PasswordHashing() {}

    static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] tag = derive(password, salt, MEMORY_KIB, ITERATIONS, LANES, TAG_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(tag);
    }

    /** Whether {@code password} matches {@code stored}; false for a malformed stored string. Tags are compared in constant time. */
    static boolean verify(String password, String stored) {
        if (stored.length() > 512) return false;
        String[] parts = split(stored, '$');
        if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id") || !parts[2].equals("v=19"))
            return false;
        int m;
        int t;
        int p;
        try {
            String[] ps = split(parts[3], ',');
            if (ps.length != 3 || !ps[0].startsWith("m=") || !ps[1].startsWith("t=") || !ps[2].startsWith("p="))
                return false;
            m = Integer.parseInt(ps[0].substring(2));
            t = Integer.parseInt(ps[1].substring(2));
            p = Integer.parseInt(ps[2].substring(2));
        } catch (NumberFormatException e) {
            return false;
        }
        if (m < 8 || m > MAX_MEMORY_KIB || t < 1 || t > MAX_ITERATIONS || p < 1 || p > 4) return false;
        byte[] salt;
        byte[] tag;
        try {
            salt = Base64.getDecoder().decode(parts[4]);
            tag = Base64.getDecoder().decode(parts[5]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (salt.length < 8 || tag.length < 16 || tag.length > 64) return false;
        return MessageDigest.isEqual(derive(password, salt, m, t, p, tag.length), tag);
    }

    /** A hash of a random password, to spend the same time on an unknown username as on a known one. */
    static String decoy() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return hash(B64.encodeToString(b));
    }

    private static byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(params);
        byte[] out = new byte[length];
        g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static String[] split(String s, char c) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int from = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, from)) {
            out.add(s.substring(from, i));
            from = i + 1;
        }
        out.add(s.substring(from));
        return out.toArray(new String[0]);
    }
}

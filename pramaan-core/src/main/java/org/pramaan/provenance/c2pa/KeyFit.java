package org.pramaan.provenance.c2pa;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a private key can make the claim signature its algorithm names. RFC 9053 §2.1 ties each
 * ECDSA algorithm to one curve (ES256 P-256, ES384 P-384, ES512 P-521) and C2PA 2.2 §13.2 allows
 * only those pairs. The JDK signs SHA-384 with a P-256 key without complaint, giving a 64-byte
 * signature under the ES384 label that the reference SDK rejects as {@code claimSignature.mismatch};
 * so a mismatch is refused before anything is signed, naming the algorithm that does fit.
 */
final class KeyFit {
    private KeyFit() {}

    /** Throws {@link SigningKey.AlgorithmMismatchException} naming the algorithm, the key's type or curve and the right algorithm. */
    static void check(PrivateKey key, SigningAlgorithm alg) {
        String kind = kind(key);
        String needed = needs(alg);
        if (!kind.equals(needed)) {
            throw new SigningKey.AlgorithmMismatchException(
                    name(alg) + " needs " + article(needed) + " key, but the key is "
                            + (kind.startsWith("an unsupported") ? kind : article(kind) + " key")
                            + (kind.startsWith("an unsupported") ? "" : "; use " + fitting(kind)));
        }
    }

    /** The key type a claim-signing algorithm needs (RFC 9053 §2.1, RFC 8230 §2, RFC 8037 §3.1). */
    private static String needs(SigningAlgorithm alg) {
        return switch (alg) {
            case ES256 -> "P-256";
            case ES384 -> "P-384";
            case ES512 -> "P-521";
            case PS256, PS384, PS512 -> "RSA";
            case ED25519 -> "Ed25519";
        };
    }

    private static String fitting(String kind) {
        return switch (kind) {
            case "P-256" -> "es256";
            case "P-384" -> "es384";
            case "P-521" -> "es512";
            case "RSA" -> "ps256, ps384 or ps512";
            default -> "ed25519";
        };
    }

    /** P-256, P-384, P-521, RSA, Ed25519, or "an unsupported … key" for anything else. */
    static String kind(PrivateKey key) {
        if (key instanceof RSAPrivateKey) return "RSA";
        if (key instanceof ECPrivateKey ec) return curve(ec.getParams()).orElse("an unsupported EC curve key");
        if (key instanceof EdECPrivateKey ed) {
            String curve = ed.getParams().getName();
            return curve.equalsIgnoreCase("Ed25519") ? "Ed25519" : "an unsupported " + curve + " key";
        }
        String family = key.getAlgorithm().toUpperCase(Locale.ROOT);
        if (family.startsWith("RSA")) return "RSA";
        return "an unsupported " + key.getAlgorithm() + " key";
    }

    /** Compares the whole domain (field, coefficients, base point, order), not just the field size. */
    private static Optional<String> curve(ECParameterSpec p) {
        for (String[] c : new String[][] {{"secp256r1", "P-256"}, {"secp384r1", "P-384"}, {"secp521r1", "P-521"}}) {
            ECParameterSpec named = named(c[0]);
            if (named.getCurve().equals(p.getCurve())
                    && named.getGenerator().equals(p.getGenerator())
                    && named.getOrder().equals(p.getOrder())) return Optional.of(c[1]);
        }
        return Optional.empty();
    }

    private static ECParameterSpec named(String name) {
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(name));
            return ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks the NIST curve " + name, e);
        }
    }

    private static String article(String kind) {
        return (kind.startsWith("R") || kind.startsWith("E") ? "an " : "a ") + kind;
    }

    private static String name(SigningAlgorithm alg) {
        return alg.name().toLowerCase(Locale.ROOT);
    }
}

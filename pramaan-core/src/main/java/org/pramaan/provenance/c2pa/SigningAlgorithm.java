package org.pramaan.provenance.c2pa;

import java.util.Locale;

/** The claim-signature algorithms C2PA 2.2 §13.2 allows, by the names the reference SDK's CLI uses. */
public enum SigningAlgorithm {
    ES256(Cose.Alg.ES256, "EC"),
    ES384(Cose.Alg.ES384, "EC"),
    ES512(Cose.Alg.ES512, "EC"),
    PS256(Cose.Alg.PS256, "RSA"),
    PS384(Cose.Alg.PS384, "RSA"),
    PS512(Cose.Alg.PS512, "RSA"),
    ED25519(Cose.Alg.ED25519, "EdDSA");

    final Cose.Alg cose;
    /** The key family (JCA algorithm name prefix) a key must have. */
    final String keyFamily;

    SigningAlgorithm(Cose.Alg cose, String keyFamily) {
        this.cose = cose;
        this.keyFamily = keyFamily;
    }

    /** {@code es256}, {@code PS384}, {@code ed25519} …; anything else is a clear error naming the choices. */
    public static SigningAlgorithm parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown signing algorithm '" + name + "'; one of es256 es384 es512 ps256 ps384 ps512 ed25519");
        }
    }
}

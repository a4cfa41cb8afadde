package org.pramaan.provenance.c2pa;

import java.util.Locale;

/** The claim-signature algorithms C2PA 2.2 §13.2 allows, by the names the reference SDK's CLI uses. */
public enum SigningAlgorithm {
    ES256(Cose.Alg.ES256),
    ES384(Cose.Alg.ES384),
    ES512(Cose.Alg.ES512),
    PS256(Cose.Alg.PS256),
    PS384(Cose.Alg.PS384),
    PS512(Cose.Alg.PS512),
    ED25519(Cose.Alg.ED25519);

    final Cose.Alg cose;

    SigningAlgorithm(Cose.Alg cose) {
        this.cose = cose;
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

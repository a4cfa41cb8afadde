package org.pramaan.provenance.c2pa;

import org.pramaan.fuzz.Contract;

/**
 * COSE_Sign1 (RFC 9052, C2PA 2.2 §13.2): parsed with its x5chain, or a C2paException; verification never throws. A
 * leaf certificate the JDK refuses but whose DER structure reads (a flipped byte) leaves the chain empty with the
 * signer's names kept, and then never verifies, as the reference reports it (claimSignature.mismatch, issue 18).
 */
public final class CoseFuzzer {
    private CoseFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Cose c = Cose.parse(data, 0, data.length);
            boolean verified = c.verify(new byte[] {1, 2, 3});
            Contract.check(!c.chain().isEmpty() || !verified, "COSE verified without a certificate");
        } catch (C2paException e) {
            Contract.refused(e);
        }
    }
}

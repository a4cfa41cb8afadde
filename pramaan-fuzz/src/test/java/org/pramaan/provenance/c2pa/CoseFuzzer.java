package org.pramaan.provenance.c2pa;

import org.pramaan.fuzz.Contract;

/** COSE_Sign1 (RFC 9052, C2PA 2.2 §13.2): parsed with its x5chain, or a C2paException; verification never throws. */
public final class CoseFuzzer {
    private CoseFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Cose c = Cose.parse(data, 0, data.length);
            Contract.check(!c.chain().isEmpty(), "COSE without a certificate");
            c.verify(new byte[] {1, 2, 3});
        } catch (C2paException e) {
            Contract.refused(e);
        }
    }
}

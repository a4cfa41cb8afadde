package org.pramaan.provenance.c2pa;

import org.pramaan.fuzz.Contract;

/** CBOR (RFC 8949) through Jackson with our limits, the raw map-value locator, and the JSON reader. */
public final class CborFuzzer {
    private CborFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Cbor.read(data, 0, data.length, "fuzz input");
        } catch (C2paException e) {
            Contract.refused(e);
        }
        Cbor.rawMapValue(data, 0, data.length, "signer_payload")
                .ifPresent(r -> Contract.inside(r[0], r[1] - r[0], data.length, "raw value"));
        try {
            Cbor.readJson(data, 0, data.length, "fuzz input");
        } catch (C2paException e) {
            Contract.refused(e);
        }
    }
}

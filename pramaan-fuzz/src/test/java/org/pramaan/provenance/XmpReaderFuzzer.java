package org.pramaan.provenance;

import org.pramaan.fuzz.Contract;

/** XMP packets (ISO 16684-1) through the hardened DOM parser and its pattern fallback: always a result. */
public final class XmpReaderFuzzer {
    private XmpReaderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        XmpReader.Found f = XmpReader.read(data);
        Contract.check(f.digitalSourceTypes() != null && f.aigc() != null, "null lists");
    }
}

package org.pramaan.provenance.c2pa;

import org.pramaan.fuzz.Contract;

/** JUMBF superboxes (ISO/IEC 19566-5): a box tree inside the store, or a C2paException. */
public final class JumbfFuzzer {
    private JumbfFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            check(Jumbf.parseStore(data), data.length);
        } catch (C2paException e) {
            Contract.refused(e);
        }
    }

    private static void check(Jumbf.Box b, int size) {
        Contract.inside(b.contentStart(), b.contentLength(), size, "box " + b.type());
        b.typeCode();
        b.content();
        for (Jumbf.Box c : b.children()) check(c, size);
    }
}

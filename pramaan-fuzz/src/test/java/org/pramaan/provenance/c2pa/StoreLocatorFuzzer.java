package org.pramaan.provenance.c2pa;

import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/** Finding the manifest store in any carrier (C2PA 2.2 Appendix A): located or none, or a C2paException. */
public final class StoreLocatorFuzzer {
    private StoreLocatorFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        try {
            StoreLocator.Located l = StoreLocator.locate(MediaSource.of(data));
            l.store()
                    .ifPresent(
                            s -> Contract.check(s.length <= Math.max(data.length, 16), "store larger than the file"));
        } catch (C2paException e) {
            Contract.refused(e);
        }
    }
}

package org.pramaan.provenance;

import java.util.Optional;

final class BmffLabelWriter {
    private BmffLabelWriter() {}

    static byte[] write(byte[] file, Optional<String> dst, Optional<String> aigcJson) { throw new UnsupportedOperationException("TODO"); }
}

package org.pramaan.provenance;

final class RiffLabelWriter {
    private RiffLabelWriter() {}

    static byte[] write(byte[] file, String aigcJson) { throw new UnsupportedOperationException("TODO"); }
}

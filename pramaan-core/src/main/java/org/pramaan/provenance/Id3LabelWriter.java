package org.pramaan.provenance;

final class Id3LabelWriter {
    private Id3LabelWriter() {}

    static byte[] write(byte[] file, String aigcJson) { throw new UnsupportedOperationException("TODO"); }
}

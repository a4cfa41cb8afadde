package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * CBOR (RFC 8949) reading through Jackson with hostile-input limits, and the few canonical encodings
 * C2PA needs to rebuild byte-exactly (COSE Sig_structure, RFC 9052 §4.4). Reading keeps byte
 * strings as binary nodes; integer map keys become their decimal text (COSE labels 1, 33 …).
 */
final class Cbor {
    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 16 * 1024 * 1024;
    private static final ObjectMapper CBOR = new ObjectMapper(CBORFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxDocumentLength(StoreLocator.MAX_STORE).build())
            .build());
    static final ObjectMapper JSON = new ObjectMapper(
            new com.fasterxml.jackson.core.JsonFactoryBuilder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());

    private Cbor() {}

    static JsonNode read(byte[] b, int off, int len, String what) throws C2paException {
        try {
            JsonNode n = CBOR.readTree(new java.io.ByteArrayInputStream(b, off, len));
            if (n == null || n.isMissingNode()) throw new C2paException("cbor.invalid", what + ": empty CBOR");
            return n;
        } catch (IOException | RuntimeException e) {
            throw new C2paException("cbor.invalid", what + ": invalid CBOR: " + e.getMessage());
        }
    }

    static JsonNode readJson(byte[] b, int off, int len, String what) throws C2paException {
        try {
            return JSON.readTree(new java.io.ByteArrayInputStream(b, off, len));
        } catch (IOException | RuntimeException e) {
            throw new C2paException("json.invalid", what + ": invalid JSON: " + e.getMessage());
        }
    }

    static Optional<byte[]> bytes(JsonNode n) {
        if (n == null || !n.isBinary()) return Optional.empty();
        try {
            return Optional.of(n.binaryValue());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    /** A minimal canonical writer: definite lengths, shortest heads (RFC 8949 §4.2.1). Shared with a future signer. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer head(int major, long value) {
            int m = major << 5;
            if (value < 24) out.write(m | (int) value);
            else if (value < 0x100) { out.write(m | 24); out.write((int) value); }
            else if (value < 0x10000) { out.write(m | 25); be(value, 2); }
            else if (value < 0x100000000L) { out.write(m | 26); be(value, 4); }
            else { out.write(m | 27); be(value, 8); }
            return this;
        }

        Writer array(int n) { return head(4, n); }

        Writer bytes(byte[] b) { head(2, b.length); out.writeBytes(b); return this; }

        Writer text(String s) { byte[] b = s.getBytes(StandardCharsets.UTF_8); head(3, b.length); out.writeBytes(b); return this; }

        byte[] toByteArray() { return out.toByteArray(); }

        private void be(long v, int n) { for (int i = n - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xFF); }
    }
}

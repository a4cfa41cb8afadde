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
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxDocumentLength(StoreLocator.MAX_STORE)
                    .build())
            .build());
    static final ObjectMapper JSON = new ObjectMapper(new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

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

    /**
     * The stored bytes of the value under text key {@code key} in the CBOR map at {@code off}: needed
     * where a signature covers a nested item (CAWG signer_payload) and re-encoding could differ.
     */
    static Optional<int[]> rawMapValue(byte[] b, int off, int end, String key) {
        try {
            int[] p = {off};
            long n = head(b, p, end, 5);
            for (long i = 0; i < n; i++) {
                int ks = p[0];
                int ke = skip(b, ks, end, 0);
                int ve = skip(b, ke, end, 0);
                if (ke - ks == key.length() + 1
                        && (b[ks] & 0xFF) == (0x60 | key.length())
                        && new String(b, ks + 1, key.length(), StandardCharsets.UTF_8).equals(key))
                    return Optional.of(new int[] {ke, ve});
                p[0] = ve;
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Reads a definite-length head of the expected major type; returns its argument. */
    private static long head(byte[] b, int[] p, int end, int major) {
        int ib = b[p[0]] & 0xFF;
        if (ib >> 5 != major) throw new IllegalArgumentException("major type " + (ib >> 5));
        return argument(b, p, end);
    }

    private static long argument(byte[] b, int[] p, int end) {
        int ai = b[p[0]++] & 0x1F;
        if (ai < 24) return ai;
        int n = switch (ai) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw new IllegalArgumentException("indefinite or reserved length");
        };
        if (p[0] + n > end) throw new IndexOutOfBoundsException();
        long v = 0;
        for (int i = 0; i < n; i++) v = (v << 8) | (b[p[0]++] & 0xFF);
        return v;
    }

    /** The end of the data item at {@code pos} (definite lengths only, as C2PA's deterministic CBOR requires). */
    private static int skip(byte[] b, int pos, int end, int depth) {
        if (depth > MAX_DEPTH || pos >= end) throw new IllegalArgumentException("too deep or truncated");
        int major = (b[pos] & 0xFF) >> 5;
        int[] p = {pos};
        long arg = argument(b, p, end);
        return switch (major) {
            case 2, 3 -> {
                if (arg > end - p[0]) throw new IndexOutOfBoundsException();
                yield p[0] + (int) arg;
            }
            case 4, 5 -> {
                long items = major == 5 ? arg * 2 : arg;
                if (items > end - p[0]) throw new IndexOutOfBoundsException();
                int q = p[0];
                for (long i = 0; i < items; i++) q = skip(b, q, end, depth + 1);
                yield q;
            }
            case 6 -> skip(b, p[0], end, depth + 1);
            default -> p[0];
        };
    }

    /** A minimal canonical writer: definite lengths, shortest heads (RFC 8949 §4.2.1). Shared with a future signer. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer head(int major, long value) {
            int m = major << 5;
            if (value < 24) out.write(m | (int) value);
            else if (value < 0x100) {
                out.write(m | 24);
                out.write((int) value);
            } else if (value < 0x10000) {
                out.write(m | 25);
                be(value, 2);
            } else if (value < 0x100000000L) {
                out.write(m | 26);
                be(value, 4);
            } else {
                out.write(m | 27);
                be(value, 8);
            }
            return this;
        }

        Writer array(int n) {
            return head(4, n);
        }

        Writer bytes(byte[] b) {
            head(2, b.length);
            out.writeBytes(b);
            return this;
        }

        Writer text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(3, b.length);
            out.writeBytes(b);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private void be(long v, int n) {
            for (int i = n - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }
}

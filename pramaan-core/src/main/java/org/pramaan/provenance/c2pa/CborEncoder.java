package org.pramaan.provenance.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Deterministic CBOR encoding (RFC 8949 §4.2.1: definite lengths, shortest heads, map keys sorted by
 * their encoded bytes) of plain Java values: {@code Map} (String or Integer keys), {@code List},
 * {@code String}, {@code byte[]}, {@code Integer}/{@code Long}, {@code Boolean}, {@link Tagged} and
 * {@link #NULL}. C2PA 2.2 §8.3.3 asks for deterministic CBOR so that the same content always hashes
 * and signs to the same bytes; readers hash the stored bytes, so any valid encoding verifies.
 */
final class CborEncoder {
    /** CBOR null (simple value 22); Java null is refused so that a missing field is never written by accident. */
    static final Object NULL = new Object();

    /** A tagged item (RFC 8949 §3.4), e.g. tag 18 for COSE_Sign1. */
    record Tagged(long tag, Object value) {}

    private CborEncoder() {}

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object v) {
        switch (v) {
            case null -> throw new IllegalArgumentException("null is not encoded; use CborEncoder.NULL");
            case String s -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                head(out, 3, b.length);
                out.writeBytes(b);
            }
            case byte[] b -> {
                head(out, 2, b.length);
                out.writeBytes(b);
            }
            case Integer i -> integer(out, i);
            case Long l -> integer(out, l);
            case Boolean b -> out.write(b ? 0xF5 : 0xF4);
            case Tagged t -> {
                head(out, 6, t.tag());
                write(out, t.value());
            }
            case List<?> list -> {
                head(out, 4, list.size());
                for (Object o : list) write(out, o);
            }
            case Map<?, ?> map -> map(out, map);
            default -> {
                if (v == NULL) out.write(0xF6);
                else
                    throw new IllegalArgumentException(
                            "cannot encode " + v.getClass().getName() + " as CBOR");
            }
        }
    }

    private static void map(ByteArrayOutputStream out, Map<?, ?> map) {
        List<byte[][]> entries = new ArrayList<>();
        for (var e : map.entrySet()) entries.add(new byte[][] {encode(e.getKey()), encode(e.getValue())});
        entries.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        head(out, 5, entries.size());
        for (byte[][] e : entries) {
            out.writeBytes(e[0]);
            out.writeBytes(e[1]);
        }
    }

    private static void integer(ByteArrayOutputStream out, long v) {
        if (v >= 0) head(out, 0, v);
        else head(out, 1, -1 - v);
    }

    private static void head(ByteArrayOutputStream out, int major, long value) {
        int m = major << 5;
        if (value < 24) out.write(m | (int) value);
        else if (value < 0x100) bytes(out, m | 24, value, 1);
        else if (value < 0x10000) bytes(out, m | 25, value, 2);
        else if (value < 0x100000000L) bytes(out, m | 26, value, 4);
        else bytes(out, m | 27, value, 8);
    }

    private static void bytes(ByteArrayOutputStream out, int first, long v, int n) {
        out.write(first);
        for (int i = n - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xFF);
    }
}

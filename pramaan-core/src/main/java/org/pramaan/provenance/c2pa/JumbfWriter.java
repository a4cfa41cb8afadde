package org.pramaan.provenance.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes JUMBF boxes (ISO/IEC 19566-5 §5) the way {@link Jumbf} reads them and C2PA 2.2 §11.1 lays out
 * the store: a superbox {@code jumb} = description box {@code jumd} (type UUID, toggles 0x03 =
 * requestable + label present, NUL-terminated label) followed by content boxes.
 */
final class JumbfWriter {
    /** C2PA type UUIDs are the four-character code followed by {@code 0011-0010-8000-00AA00389B71} (§11.1.1). */
    private static final String UUID_SUFFIX = "00110010800000aa00389b71";

    private JumbfWriter() {}

    static byte[] superbox(String typeCode, String label, List<byte[]> contents) {
        byte[] uuid = HexFormat.of()
                .parseHex(HexFormat.of().formatHex(typeCode.getBytes(StandardCharsets.ISO_8859_1)) + UUID_SUFFIX);
        ByteArrayOutputStream desc = new ByteArrayOutputStream();
        desc.writeBytes(uuid);
        desc.write(0x03);
        desc.writeBytes(label.getBytes(StandardCharsets.UTF_8));
        desc.write(0);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(box("jumd", desc.toByteArray()));
        contents.forEach(body::writeBytes);
        return box("jumb", body.toByteArray());
    }

    /** An assertion superbox with one CBOR content box (§11.1.4: assertion type UUID {@code cbor}). */
    static byte[] cborAssertion(String label, byte[] cbor) {
        return superbox("cbor", label, List.of(box("cbor", cbor)));
    }

    static byte[] box(String type, byte[] payload) {
        long len = 8L + payload.length;
        if (len > 0xFFFF_FFFFL) throw new IllegalArgumentException("JUMBF box over 4 GiB");
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 8);
        for (int i = 3; i >= 0; i--) out.write((int) (len >>> (8 * i)) & 0xFF);
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The hash a hashed URI records for a superbox: its contents without the 8-byte header (§8.4.2.3). */
    static byte[] contentHash(String alg, byte[] superbox) {
        return Hashing.of(alg, superbox, 8, superbox.length);
    }
}

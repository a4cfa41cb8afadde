package org.pramaan.provenance.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds small JUMBF structures for tests (ISO/IEC 19566-5 box layout). */
final class JumbfTestBoxes {
    private JumbfTestBoxes() {}

    static byte[] box(String type, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) body.writeBytes(p);
        int len = 8 + body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(len >>> 24);
        out.write(len >>> 16);
        out.write(len >>> 8);
        out.write(len);
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A superbox whose type UUID starts with {@code fourcc} (C2PA's {@code XXXX-0011-0010-8000-00AA00389B71}). */
    static byte[] superbox(String fourcc, String label, byte[]... content) {
        byte[] uuid = HexFormat.of()
                .parseHex(HexFormat.of().formatHex(fourcc.getBytes(StandardCharsets.ISO_8859_1))
                        + "00110010800000aa00389b71");
        byte[] l = (label + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] desc = box("jumd", uuid, new byte[] {0x03}, l);
        byte[][] all = new byte[content.length + 1][];
        all[0] = desc;
        System.arraycopy(content, 0, all, 1, content.length);
        return box("jumb", all);
    }
}

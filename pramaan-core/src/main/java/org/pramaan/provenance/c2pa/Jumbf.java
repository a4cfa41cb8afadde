package org.pramaan.provenance.c2pa;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * ISO/IEC 19566-5 JUMBF boxes as C2PA 2.2 §11.1 uses them. A superbox {@code jumb} starts with a
 * description box {@code jumd} (16-byte type UUID, toggles, optional label/ID/signature/private box)
 * followed by content boxes ({@code cbor}, {@code json}, {@code uuid}, {@code bfdb}+{@code bidb},
 * nested {@code jumb} …). Offsets index into the store bytes so that hashed URIs can hash the exact
 * stored bytes (§8.4.2.3: the superbox contents without its own header).
 */
final class Jumbf {
    static final int MAX_BOXES = 20_000;
    static final int MAX_DEPTH = 16;

    /** A parsed box; {@code children} and {@code label} only for superboxes. */
    record Box(
            String type,
            int start,
            int contentStart,
            int end,
            String uuid,
            String label,
            int toggles,
            List<Box> children) {
        int contentLength() {
            return end - contentStart;
        }

        boolean isSuper() {
            return type.equals("jumb");
        }

        /** The first content box after the description box, if any. */
        Optional<Box> content() {
            return children.stream().filter(c -> !c.type().equals("jumd")).findFirst();
        }

        Optional<Box> child(String childLabel) {
            return children.stream()
                    .filter(c -> c.isSuper() && c.label().equals(childLabel))
                    .findFirst();
        }

        List<Box> superChildren() {
            return children.stream().filter(Box::isSuper).toList();
        }

        /** The four-character prefix of the JUMBF type UUID (e.g. {@code c2ma}, {@code c2cl}, {@code cbor}). */
        String typeCode() {
            if (uuid.length() < 8) return "";
            byte[] b = HexFormat.of().parseHex(uuid.substring(0, 8));
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    private final byte[] data;
    private int count;

    private Jumbf(byte[] data) {
        this.data = data;
    }

    /** Parses the single top-level superbox (the manifest store). */
    static Box parseStore(byte[] store) throws C2paException {
        Jumbf p = new Jumbf(store);
        List<Box> top = p.boxes(0, store.length, 0);
        if (top.isEmpty() || !top.get(0).isSuper())
            throw new C2paException(
                    "jumbf.malformed", "the manifest store does not start with a JUMBF superbox (jumb)");
        return top.get(0);
    }

    private List<Box> boxes(int from, int to, int depth) throws C2paException {
        if (depth > MAX_DEPTH)
            throw new C2paException("limit.exceeded", "JUMBF nesting deeper than " + MAX_DEPTH + " at offset " + from);
        List<Box> out = new ArrayList<>();
        int pos = from;
        while (pos + 8 <= to) {
            if (++count > MAX_BOXES)
                throw new C2paException("limit.exceeded", "more than " + MAX_BOXES + " JUMBF boxes");
            long size = u32(pos);
            String type = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (pos + 16 > to)
                    throw new C2paException(
                            "jumbf.malformed",
                            "box '" + type + "' at offset " + pos + " is cut inside its 64-bit size");
                size = (u32(pos + 8) << 32) | u32(pos + 12);
                header = 16;
            } else if (size == 0) {
                size = (long) to - pos;
            }
            if (size < header || size > to - pos) {
                throw new C2paException(
                        "jumbf.malformed",
                        "box '" + printable(type) + "' at offset " + pos + " declares " + size + " bytes; " + (to - pos)
                                + " remain");
            }
            int end = pos + (int) size;
            out.add(
                    type.equals("jumb")
                            ? superbox(pos, pos + header, end, depth)
                            : new Box(type, pos, pos + header, end, "", "", 0, List.of()));
            pos = end;
        }
        return out;
    }

    private Box superbox(int start, int contentStart, int end, int depth) throws C2paException {
        List<Box> kids = boxes(contentStart, end, depth + 1);
        if (kids.isEmpty() || !kids.get(0).type().equals("jumd")) {
            throw new C2paException(
                    "jumbf.malformed", "superbox at offset " + start + " has no description box (jumd) first");
        }
        Box d = kids.get(0);
        if (d.contentLength() < 17)
            throw new C2paException(
                    "jumbf.malformed", "description box at offset " + d.start() + " is shorter than 17 bytes");
        String uuid = HexFormat.of().formatHex(data, d.contentStart(), d.contentStart() + 16);
        int toggles = data[d.contentStart() + 16] & 0xFF;
        String label = "";
        if ((toggles & 0x02) != 0) {
            int from = d.contentStart() + 17;
            int nul = from;
            while (nul < d.end() && data[nul] != 0) nul++;
            if (nul >= d.end())
                throw new C2paException(
                        "jumbf.malformed",
                        "label of description box at offset " + d.start() + " is not NUL-terminated");
            label = new String(data, from, nul - from, StandardCharsets.UTF_8);
        }
        return new Box("jumb", start, contentStart, end, uuid, label, toggles, List.copyOf(kids));
    }

    private long u32(int o) {
        return ((data[o] & 0xFFL) << 24)
                | ((data[o + 1] & 0xFFL) << 16)
                | ((data[o + 2] & 0xFFL) << 8)
                | (data[o + 3] & 0xFFL);
    }

    private static String printable(String t) {
        return t.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? t : "?";
    }
}

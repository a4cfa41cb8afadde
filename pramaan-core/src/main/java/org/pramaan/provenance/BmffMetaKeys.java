package org.pramaan.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;
import org.pramaan.media.container.Bytes;

/**
 * Text items of a {@code meta} box, for the {@code AIGC} key that TC260 practice puts in MP4/M4A:
 * QuickTime metadata ({@code hdlr mdta}, a {@code keys} box naming 1-based indexes used as item
 * types in {@code ilst}; QuickTime File Format "Metadata") and iTunes freeform {@code ----} items
 * ({@code mean}, {@code name}, {@code data}). Each item's {@code data} box: 4-byte type, 4-byte
 * locale, value.
 */
final class BmffMetaKeys {
    private static final int MAX = 256 * 1024;

    private BmffMetaKeys() {}

    static void read(MediaSource src, BmffBoxes.Box meta, String where, MetadataBlocks m) throws IOException {
        try {
            // ISO meta is a FullBox (version+flags), QuickTime meta is not: a zero word means FullBox.
            long start = meta.payloadLength() >= 4 && Bytes.u32be(src.read(meta.payloadOffset(), 4), 0) == 0
                    ? meta.payloadOffset() + 4
                    : meta.payloadOffset();
            List<BmffBoxes.Box> boxes = BmffBoxes.children(src, start, meta.end());
            List<String> keys = new ArrayList<>();
            BmffBoxes.first(boxes, "keys").ifPresent(k -> keys.addAll(keys(src, k)));
            for (BmffBoxes.Box ilst : boxes) {
                if (!ilst.type().equals("ilst")) continue;
                for (BmffBoxes.Box item : BmffBoxes.children(src, ilst.payloadOffset(), ilst.end()))
                    item(src, item, keys, where, m);
            }
        } catch (BmffBoxes.BoxException | IOException e) {
            // damaged metadata: nothing to report from it
        }
    }

    private static void item(MediaSource src, BmffBoxes.Box item, List<String> keys, String where, MetadataBlocks m)
            throws IOException, BmffBoxes.BoxException {
        if (item.payloadLength() > MAX) return;
        String name = "";
        String value = null;
        for (BmffBoxes.Box c : BmffBoxes.children(src, item.payloadOffset(), item.end())) {
            byte[] d = src.read(c.payloadOffset(), (int) c.payloadLength());
            if (c.type().equals("name") && d.length >= 4) name = new String(d, 4, d.length - 4, StandardCharsets.UTF_8);
            if (c.type().equals("data") && d.length >= 8)
                value = new String(d, 8, d.length - 8, StandardCharsets.UTF_8);
        }
        byte[] t = item.type().getBytes(StandardCharsets.ISO_8859_1);
        int index = (int) Bytes.u32be(t, 0);
        if (!item.type().equals("----") && index >= 1 && index <= keys.size()) name = keys.get(index - 1);
        if (value != null && !name.isEmpty())
            m.text.add(new MetadataBlocks.TextEntry(
                    name, value.strip(), where + " '" + name + "' @ offset " + item.offset()));
    }

    /** {@code keys}: FullBox, entry count, then {size, namespace, name} entries. */
    private static List<String> keys(MediaSource src, BmffBoxes.Box k) {
        List<String> out = new ArrayList<>();
        try {
            if (k.payloadLength() > MAX || k.payloadLength() < 8) return out;
            byte[] d = src.read(k.payloadOffset(), (int) k.payloadLength());
            long n = Bytes.u32be(d, 4);
            for (int p = 8, i = 0; i < n && p + 8 <= d.length; i++) {
                int size = (int) Bytes.u32be(d, p);
                if (size < 8 || p + size > d.length) break;
                out.add(new String(d, p + 8, size - 8, StandardCharsets.UTF_8));
                p += size;
            }
        } catch (IOException e) {
            out.clear();
        }
        return out;
    }
}

package org.pramaan.provenance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.media.container.Bytes;

/**
 * Reassembles JPEG ExtendedXMP (XMP Specification Part 3 §1.1.3.1): a packet too big for one APP1
 * segment is split over APP1 segments, each {@code "http://ns.adobe.com/xmp/extension/\0"}, a
 * 32-character GUID, the full length and this portion's offset (4 bytes each, big-endian), then the
 * portion. Only the simple case is read: portions of one GUID that exactly cover the declared length,
 * at most {@link MetadataBlocks#MAX_BLOCK} bytes; anything else is skipped, not guessed at.
 */
final class ExtendedXmp {
    static final byte[] SIGNATURE = "http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER = 35 + 32 + 8;

    private record Part(long offset, byte[] data) {}

    private final Map<String, List<Part>> parts = new LinkedHashMap<>();
    private final Map<String, Long> lengths = new LinkedHashMap<>();

    static boolean is(byte[] app1Payload) {
        return MetadataBlocks.startsWith(app1Payload, SIGNATURE);
    }

    void add(byte[] payload) {
        if (payload.length < HEADER) return;
        String guid = new String(payload, 35, 32, StandardCharsets.ISO_8859_1);
        long full = Bytes.u32be(payload, 67), offset = Bytes.u32be(payload, 71);
        if (full > MetadataBlocks.MAX_BLOCK || lengths.getOrDefault(guid, full) != full) return;
        lengths.put(guid, full);
        parts.computeIfAbsent(guid, g -> new ArrayList<>())
                .add(new Part(offset, MetadataBlocks.slice(payload, HEADER)));
    }

    /** The packets whose portions fit together exactly; at most {@link MetadataBlocks#MAX_BLOCK} bytes in all. */
    List<MetadataBlocks.Block> packets(String where) {
        List<MetadataBlocks.Block> out = new ArrayList<>();
        long budget = MetadataBlocks.MAX_BLOCK;
        for (Map.Entry<String, List<Part>> e : parts.entrySet()) {
            int full = lengths.get(e.getKey()).intValue();
            long covered = e.getValue().stream().mapToLong(p -> p.data().length).sum();
            boolean inside = e.getValue().stream().allMatch(p -> p.offset() + p.data().length <= full);
            if (covered != full || !inside || full > budget)
                continue; // checked before allocating: many GUIDs must not add up
            budget -= full;
            byte[] packet = new byte[full];
            for (Part p : e.getValue()) System.arraycopy(p.data(), 0, packet, (int) p.offset(), p.data().length);
            out.add(new MetadataBlocks.Block(where + " ExtendedXMP " + e.getKey(), packet));
        }
        return out;
    }
}

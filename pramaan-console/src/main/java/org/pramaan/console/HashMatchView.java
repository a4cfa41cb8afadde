package org.pramaan.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.signals.Signal;

/**
 * One hash-bank match as the case view shows it beside the case's media: which banked item, how close (Hamming
 * distance for PDQ), which dihedral variant of the upload matched (rotated/mirrored re-uploads, PDQ's 8 transforms),
 * the upload's PDQ quality, and for vPDQ the matched segments and shares. Read from the HASH_BANK_MATCH signal's
 * attributes (written by BankMatchExtractor), so what the reviewer sees is what the decision used.
 *
 * @param bankedCase the case that banked the item, whose media is then shown beside this case's media; empty for
 *                   imported hash-only items (NCII hash lists hold no media)
 */
public record HashMatchView(
        String item,
        String bank,
        String bankKind,
        String method,
        String distance,
        String variant,
        String quality,
        String inert,
        String bankedCase,
        String queryPercent,
        String storedPercent,
        List<VideoTimeline.Segment> segments) {
    /** Cap on the segment list read back from a signal (the store holds at most what the extractor wrote). */
    static final int MAX_SEGMENTS_CHARS = 20_000;

    public HashMatchView {
        segments = List.copyOf(segments);
    }

    static HashMatchView of(Signal s, Optional<Integer> uploadQuality) {
        Map<String, String> a = s.attributes();
        String item = s.value();
        int hash = item.lastIndexOf('#');
        String bank = hash > 0 ? item.substring(0, hash) : item;
        String method = a.getOrDefault("method", "");
        // Intake matches the upload's PDQ hash as received, so a PDQ match without a recorded variant is the original.
        String variant = a.getOrDefault("variant", method.equals("pdq") ? "original" : "");
        return new HashMatchView(
                item,
                bank,
                a.getOrDefault("bankKind", ""),
                method,
                a.getOrDefault("distance", ""),
                variant,
                method.equals("pdq") ? uploadQuality.map(String::valueOf).orElse("") : "",
                a.getOrDefault("inert", ""),
                a.getOrDefault("caseId", ""),
                a.getOrDefault("queryMatchPercent", ""),
                a.getOrDefault("storedMatchPercent", ""),
                segments(item, a.getOrDefault("segments", "")));
    }

    /**
     * Reads {@code q0.000-19.000=s60.000-79.000x20;…} (query range, stored range, matched frames; the frame count is
     * absent from signals stored before it was recorded). A part that does not read is skipped, not guessed.
     */
    static List<VideoTimeline.Segment> segments(String item, String text) {
        List<VideoTimeline.Segment> out = new ArrayList<>();
        if (text.isEmpty() || text.length() > MAX_SEGMENTS_CHARS) return out;
        int from = 0;
        while (from <= text.length()) {
            int semi = text.indexOf(';', from);
            String part = text.substring(from, semi < 0 ? text.length() : semi);
            segment(item, part).ifPresent(out::add);
            if (semi < 0) break;
            from = semi + 1;
        }
        return out;
    }

    private static Optional<VideoTimeline.Segment> segment(String item, String part) {
        int eq = part.indexOf('=');
        if (!part.startsWith("q") || eq < 0) return Optional.empty();
        String query = part.substring(1, eq);
        int dash = query.indexOf('-');
        if (dash < 0) return Optional.empty();
        int x = part.indexOf('x', eq);
        int frames = 0;
        try {
            if (x >= 0) frames = Integer.parseInt(part.substring(x + 1));
            double start = Double.parseDouble(query.substring(0, dash));
            double end = Double.parseDouble(query.substring(dash + 1));
            if (!(start >= 0) || !(end >= start) || Double.isInfinite(end) || frames < 0) return Optional.empty();
            return Optional.of(new VideoTimeline.Segment(item, start, end, frames));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The banked item is shielded on the case media's rules, and always when it sits in an NCII bank (its own notice
     * was about intimate imagery even when this case's is not).
     */
    public boolean shielded(boolean caseShielded) {
        return caseShielded || bankKind.equals("ncii");
    }

    /** The banked item's media can be shown: it came from a case whose media this store holds. */
    public boolean hasBankedMedia() {
        return !bankedCase.isEmpty();
    }

    public boolean video() {
        return method.equals("vpdq");
    }
}

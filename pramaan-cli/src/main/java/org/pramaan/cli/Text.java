package org.pramaan.cli;

import java.util.List;
import java.util.Map;

/** One human-readable line per scanned file. */
final class Text {
    private Text() {}

    @SuppressWarnings("unchecked")
    static String line(Map<String, Object> r) {
        if (r.get("skipped") instanceof Map<?, ?> why)
            return r.get("path") + "  SKIPPED not media (" + why.get("code") + ": " + why.get("message") + ")";
        if (r.containsKey("error")) {
            Map<String, Object> e = (Map<String, Object>) r.get("error");
            return r.get("path") + "  ERROR " + e.get("code") + ": " + e.get("message");
        }
        Map<String, Object> a = (Map<String, Object>) r.get("assessment");
        Map<String, Object> d = (Map<String, Object>) r.get("decision");
        Map<String, Object> h = (Map<String, Object>) r.get("hashes");
        StringBuilder sb = new StringBuilder()
                .append(r.get("path"))
                .append("  ")
                .append(r.get("format"))
                .append("  ")
                .append(a.get("tier"))
                .append("  ")
                .append(d.get("decision"));
        List<Map<String, Object>> matches =
                r.get("matches") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        // A BLOCK names the bank entry behind it on the line itself: an operator must see which list blocked the file.
        if ("BLOCK".equals(d.get("decision")))
            matches.stream()
                    .filter(m -> Boolean.TRUE.equals(m.get("acts")))
                    .findFirst()
                    .ifPresent(m -> sb.append("  by ").append(match(m)));
        if (h.get("pdq") instanceof Map<?, ?> pdq)
            sb.append("  pdq=").append(pdq.get("hash")).append(" q=").append(pdq.get("quality"));
        for (Map<String, Object> m : matches)
            sb.append("\n    - match: ")
                    .append(match(m))
                    .append(Boolean.TRUE.equals(m.get("acts")) ? "" : " (does not act)");
        for (Map<String, Object> reason : (List<Map<String, Object>>) a.get("reasons"))
            sb.append("\n    - ").append(reason.get("message"));
        return sb.toString();
    }

    /** "bank removed (removed), pdq, distance 4, item 7". */
    private static String match(Map<String, Object> m) {
        return "bank " + m.get("bank") + " (" + m.get("kind") + "), " + m.get("method") + ", distance "
                + m.get("distance") + ", item " + m.get("itemId");
    }
}

package org.pramaan.cli;

import java.util.List;
import java.util.Map;

/** One human-readable line per scanned file. */
final class Text {
    private Text() {}

    @SuppressWarnings("unchecked")
    static String line(Map<String, Object> r) {
        if (r.containsKey("error")) {
            Map<String, Object> e = (Map<String, Object>) r.get("error");
            return r.get("path") + "  ERROR " + e.get("code") + ": " + e.get("message");
        }
        Map<String, Object> a = (Map<String, Object>) r.get("assessment");
        Map<String, Object> d = (Map<String, Object>) r.get("decision");
        Map<String, Object> h = (Map<String, Object>) r.get("hashes");
        StringBuilder sb = new StringBuilder().append(r.get("path")).append("  ").append(r.get("format"))
                .append("  ").append(a.get("tier")).append("  ").append(d.get("decision"));
        if (h.get("pdq") instanceof Map<?, ?> pdq) sb.append("  pdq=").append(pdq.get("hash")).append(" q=").append(pdq.get("quality"));
        for (Map<String, Object> reason : (List<Map<String, Object>>) a.get("reasons")) sb.append("\n    - ").append(reason.get("message"));
        return sb.toString();
    }
}

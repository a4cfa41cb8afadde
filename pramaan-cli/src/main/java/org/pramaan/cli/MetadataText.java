package org.pramaan.cli;

import java.util.List;
import java.util.Map;

/** Human-readable {@code pramaan metadata read} output: one block per file. */
final class MetadataText {
    private MetadataText() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> r) {
        if (r.get("error") instanceof Map<?, ?> e)
            return r.get("path") + "  ERROR " + e.get("code") + ": " + e.get("message");
        StringBuilder sb =
                new StringBuilder().append(r.get("path")).append("  ").append(r.get("format"));
        List<Map<String, Object>> dst = (List<Map<String, Object>>) r.get("digitalSourceType");
        List<Map<String, Object>> aigc = (List<Map<String, Object>>) r.get("aigc");
        List<Map<String, Object>> traces = (List<Map<String, Object>>) r.get("generatorTraces");
        for (Map<String, Object> s : dst) {
            Map<String, String> a = (Map<String, String>) s.get("attributes");
            sb.append("\n  DigitalSourceType: ")
                    .append(s.get("value"))
                    .append("true".equals(a.get("synthetic")) ? "  (AI-generated)" : "  (not an AI label)")
                    .append("  at ")
                    .append(s.get("location"));
        }
        for (Map<String, Object> s : aigc) {
            Map<String, String> a = (Map<String, String>) s.get("attributes");
            sb.append("\n  AIGC:");
            for (String k : org.pramaan.provenance.Aigc.FIELDS)
                sb.append(' ').append(k).append('=').append(a.getOrDefault(k, ""));
            if (a.containsKey("error")) sb.append("  INVALID: ").append(a.get("error"));
            sb.append("  at ").append(s.get("location"));
        }
        for (Map<String, Object> s : traces) {
            sb.append("\n  generator trace (low trust, ")
                    .append(s.get("strength").toString().toLowerCase(java.util.Locale.ROOT))
                    .append("): ")
                    .append(s.get("value"))
                    .append(' ')
                    .append(s.get("attributes"))
                    .append("  at ")
                    .append(s.get("location"));
        }
        if (dst.isEmpty() && aigc.isEmpty() && traces.isEmpty()) sb.append("\n  no labels or generator traces");
        return sb.toString();
    }
}

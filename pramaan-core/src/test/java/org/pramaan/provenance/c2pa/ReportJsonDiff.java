package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field-by-field difference of two manifest-store JSON documents (ours against the reference SDK's):
 * objects by key, arrays by position, every leaf compared. Paths name manifests by their position
 * ({@code manifests[active]} or {@code manifests[<label>]}) so a failure says exactly which field differs.
 */
final class ReportJsonDiff {
    private ReportJsonDiff() {}

    /** @return one line per differing leaf or missing/extra field: "path: ours X, reference Y" */
    static List<String> of(JsonNode reference, JsonNode ours) {
        List<String> out = new ArrayList<>();
        walk("", reference, ours, out);
        return out;
    }

    private static void walk(String path, JsonNode want, JsonNode got, List<String> out) {
        if (want == null || want.isMissingNode()) {
            out.add(path + ": ours " + brief(got) + ", reference absent");
            return;
        }
        if (got == null || got.isMissingNode()) {
            out.add(path + ": ours absent, reference " + brief(want));
            return;
        }
        if (want.isObject() && got.isObject()) {
            Set<String> keys = new TreeSet<>();
            want.fieldNames().forEachRemaining(keys::add);
            got.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) walk(path + "." + k, want.path(k), got.path(k), out);
            return;
        }
        if (want.isArray() && got.isArray()) {
            if (want.size() != got.size())
                out.add(path + ": ours " + got.size() + " entries, reference " + want.size());
            for (int i = 0; i < Math.min(want.size(), got.size()); i++)
                walk(path + "[" + i + "]", want.get(i), got.get(i), out);
            return;
        }
        if (!want.equals(got)
                && !(want.isNumber() && got.isNumber() && want.decimalValue().compareTo(got.decimalValue()) == 0))
            out.add(path + ": ours " + brief(got) + ", reference " + brief(want));
    }

    private static String brief(JsonNode n) {
        String s = n.toString();
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}

package org.pramaan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pramaan.intake.Screener;
import org.pramaan.intake.ScreeningView;
import org.pramaan.json.Json;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "match",
        description =
                "Match files against the data directory's hash banks (all 8 rotations/flips). Exit 0 if none matched, 3 if any did, 1 on errors.")
final class MatchCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--json", description = "one JSON object per file")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PramaanCli.LazyRuntime runtime;

    MatchCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws IOException {
        boolean failed = false, matched = false;
        for (Path f : ScanCommand.expand(files)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("path", f.toString());
            try (MediaSource src = MediaSource.open(f)) {
                Screener screener = runtime.get().screener();
                Screener.HashReport r = screener.hashes(src);
                List<Screener.VariantMatch> ms = screener.matchAllVariants(r);
                matched |= ms.stream().anyMatch(m -> m.match().acts());
                ScreeningView.av(out, r.av());
                out.put(
                        "matches",
                        ms.stream()
                                .map(m -> {
                                    Map<String, Object> v = new LinkedHashMap<>(ScreeningView.match(m.match()));
                                    v.put("variant", m.variant().referenceName());
                                    return v;
                                })
                                .toList());
            } catch (MediaRejectedException e) {
                failed = true;
                out.putAll(ScreeningView.rejection(e));
            } catch (IOException e) {
                failed = true;
                out.putAll(ScreeningView.error("media.unreadable", "cannot read " + f + ": " + e.getMessage()));
            }
            spec.commandLine().getOut().println(json ? Json.write(out) : text(out));
        }
        return failed ? 1 : matched ? 3 : 0;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> r) {
        if (r.containsKey("error"))
            return r.get("path") + "  ERROR " + ((Map<String, Object>) r.get("error")).get("message");
        List<Map<String, Object>> ms = (List<Map<String, Object>>) r.get("matches");
        if (ms.isEmpty()) return r.get("path") + "  no match";
        StringBuilder sb = new StringBuilder(r.get("path").toString());
        for (Map<String, Object> m : ms) {
            sb.append("\n    ")
                    .append(m.get("bank"))
                    .append(" (")
                    .append(m.get("kind"))
                    .append(") item ")
                    .append(m.get("itemId"))
                    .append(": ")
                    .append(m.get("method"))
                    .append(" distance ")
                    .append(m.get("distance"))
                    .append(" via ")
                    .append(m.get("variant"))
                    .append(Boolean.TRUE.equals(m.get("acts")) ? "" : " [inert]");
            if (m.containsKey("details")) sb.append(' ').append(m.get("details"));
            if (m.containsKey("segments")) {
                for (Map<String, Object> g : (List<Map<String, Object>>) m.get("segments")) {
                    sb.append(String.format(
                            java.util.Locale.ROOT,
                            "\n        %.1f-%.1f s of this file = %.1f-%.1f s of the banked video",
                            seconds(g, "queryStartSeconds"),
                            seconds(g, "queryEndSeconds"),
                            seconds(g, "storedStartSeconds"),
                            seconds(g, "storedEndSeconds")));
                }
            }
        }
        return sb.toString();
    }

    /** A JSON number as a double: a whole number of seconds arrives as an Integer, which {@code %f} refuses. */
    private static double seconds(Map<String, Object> segment, String field) {
        return segment.get(field) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}

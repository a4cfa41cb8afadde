package org.pramaan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pramaan.intake.ScreeningReport;
import org.pramaan.intake.ScreeningView;
import org.pramaan.intake.UploadContext;
import org.pramaan.json.Json;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "scan",
        description = "Screen files (folders recursively): type, hashes, signals, tier and decision. Stores nothing.")
final class ScanCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Option(names = "--json", description = "one JSON object per file, one per line")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PramaanCli.LazyRuntime runtime;

    ScanCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = expand(paths);
        Progress progress = Progress.onTerminal(spec.commandLine().getErr(), files.size());
        int failed = 0;
        int skipped = 0;
        for (Path f : files) {
            progress.step(f);
            Map<String, Object> result = scan(f);
            if (result.containsKey("skipped")) skipped++;
            else if (result.containsKey("error")) failed++;
            out.println(json ? Json.write(result) : Text.line(result));
        }
        progress.done();
        if (!json)
            spec.commandLine()
                    .getErr()
                    .println(files.size() + " file(s) scanned, " + skipped + " skipped (not media), " + failed
                            + " failed");
        return failed == 0 ? 0 : 1;
    }

    private Map<String, Object> scan(Path f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.toString());
        if (!Files.isRegularFile(f)) {
            m.putAll(ScreeningView.error("file.not_found", "no such file: " + f));
            return m;
        }
        try (MediaSource src = MediaSource.open(f)) {
            ScreeningReport r = runtime.get().screener().screen(src, UploadContext.none());
            m.putAll(ScreeningView.report(r));
        } catch (MediaRejectedException e) {
            // A folder holds sidecars, READMEs and the like next to its media: a file of no media type is
            // skipped, not failed, so the exit code says whether every media file was screened.
            if (e.code() == org.pramaan.media.RejectionCode.UNKNOWN_TYPE)
                m.put("skipped", ScreeningView.rejection(e).get("error"));
            else m.putAll(ScreeningView.rejection(e));
        } catch (IOException e) {
            m.putAll(ScreeningView.error("media.unreadable", "cannot read " + f + ": " + e.getMessage()));
        }
        return m;
    }

    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}

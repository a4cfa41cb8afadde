package org.pramaan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.pramaan.json.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pramaan backscan start|status|pause|resume|cancel}: back-scans run in the server (it holds the
 * data directory and resumes them after a restart), so this command speaks to its API with an admin key,
 * and draws a progress bar while it watches a job on a terminal.
 */
@Command(
        name = "backscan",
        description = "Back-scans of the stored media, a folder or a list, run by the server (issue 17).",
        subcommands = {
            BackscanCommand.Start.class,
            BackscanCommand.Status.class,
            BackscanCommand.Pause.class,
            BackscanCommand.Resume.class,
            BackscanCommand.Cancel.class
        })
final class BackscanCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the server is and the key to use. */
    static class Server {
        @Option(
                names = "--server",
                defaultValue = "${env:PRAMAAN_SERVER:-http://127.0.0.1:8080}",
                description = "the server's base URL (default: $PRAMAAN_SERVER or ${DEFAULT-VALUE})")
        String url;

        @Option(
                names = "--key",
                defaultValue = "${env:PRAMAAN_API_KEY}",
                description = "admin API key (default: $PRAMAAN_API_KEY)")
        String key;

        JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
            if (key == null || key.isBlank())
                throw new IllegalArgumentException("--key (or PRAMAAN_API_KEY) is required");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + key);
            b = body == null
                    ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body));
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> r =
                        http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                JsonNode n = Json.mapper().readTree(r.body().isEmpty() ? "{}" : r.body());
                if (r.statusCode() >= 300)
                    throw new IllegalArgumentException(method + " " + path + " answered " + r.statusCode() + " "
                            + n.path("error").path("code").asText() + ": "
                            + n.path("error").path("message").asText(r.body()));
                return n;
            }
        }
    }

    static String line(JsonNode j) {
        JsonNode c = j.path("counts");
        return j.path("id").asText() + " " + j.path("state").asText() + " "
                + c.path("done").asLong() + "/"
                + c.path("total").asLong() + " matched " + c.path("matched").asLong() + " errors "
                + c.path("errors").asLong() + " reviews " + c.path("reviews").asLong() + " cases "
                + c.path("cases").asLong()
                + (j.has("etaSeconds") ? " eta " + j.path("etaSeconds").asLong() + "s" : "");
    }

    /** Polls until the job stops running; a bar on a terminal, the final line either way. */
    static int watch(Server s, String id, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        boolean bar = Progress.interactive();
        while (true) {
            JsonNode j = s.call("GET", "/v1/scans/" + id, null);
            if (!j.path("state").asText().equals("running")) {
                if (bar) err.print("\r\u001b[K");
                err.flush();
                out.println(line(j));
                return j.path("state").asText().equals("failed") ? 1 : 0;
            }
            if (bar) {
                long done = j.path("counts").path("done").asLong(),
                        total = j.path("counts").path("total").asLong();
                int width = 30, filled = total == 0 ? width : (int) Math.min(width, done * width / total);
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                        + j.path("percent").asDouble()
                        + "% " + j.path("ratePerSecond").asDouble() + "/s"
                        + (j.has("etaSeconds") ? " ETA " + j.path("etaSeconds").asLong() + "s" : "") + " matched "
                        + j.path("counts").path("matched").asLong() + "\u001b[K");
                err.flush();
            }
            Thread.sleep(500); // polling another process's progress, not waiting for a deadline
        }
    }

    @Command(name = "start", description = "Start a back-scan; --watch follows it with a progress bar.")
    static final class Start implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Server server = new Server();

        static final class Source {
            @Option(names = "--stored-media", description = "every media item the server stores")
            boolean stored;

            @Option(names = "--folder", description = "a folder inside backscan.allowed-roots (on the server)")
            String folder;

            @Option(names = "--list", description = "a file of ids or URLs, one per line, fetched by the server")
            Path list;

            @Option(
                    names = "--s3",
                    paramLabel = "BUCKET[/PREFIX]",
                    description = "a bucket (one of the server's backscan.s3.buckets) and optional key prefix")
            String s3;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Option(names = "--policy", defaultValue = "review", description = "review (default) or case")
        String policy;

        @Option(names = "--notice-type", description = "the notice type of the cases opened (--policy case)")
        String noticeType;

        @Option(names = "--watch", description = "follow the job until it stops running")
        boolean watch;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = Json.mapper().createObjectNode();
            if (source.stored) body.put("kind", "stored-media");
            else if (source.folder != null) body.put("kind", "folder").put("folder", source.folder);
            else if (source.s3 != null) {
                int slash = source.s3.indexOf('/');
                body.put("kind", "s3-prefix")
                        .put("bucket", slash < 0 ? source.s3 : source.s3.substring(0, slash))
                        .put("prefix", slash < 0 ? "" : source.s3.substring(slash + 1));
            } else {
                body.put("kind", "list");
                var items = body.putArray("items");
                List<String> lines = Files.readAllLines(source.list, StandardCharsets.UTF_8);
                for (String l : lines) if (!l.isBlank()) items.add(l.strip());
            }
            body.put("policy", policy);
            if (noticeType != null) body.put("noticeType", noticeType);
            JsonNode j = server.call("POST", "/v1/scans", Json.write(body));
            PrintWriter out = spec.commandLine().getOut();
            if (!watch) {
                out.println(line(j));
                return 0;
            }
            return watch(server, j.path("id").asText(), out, spec.commandLine().getErr());
        }
    }

    @Command(name = "status", description = "A back-scan's progress; --watch follows it with a progress bar.")
    static final class Status implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Server server = new Server();

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--watch", description = "follow the job until it stops running")
        boolean watch;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (watch)
                return watch(
                        server,
                        id,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
            spec.commandLine().getOut().println(line(server.call("GET", "/v1/scans/" + id, null)));
            return 0;
        }
    }

    abstract static class Steer implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Server server = new Server();

        @Parameters(paramLabel = "ID")
        String id;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        abstract String verb();

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(line(server.call("POST", "/v1/scans/" + id + "/" + verb(), null)));
            return 0;
        }
    }

    @Command(name = "pause", description = "Pause a running back-scan.")
    static final class Pause extends Steer {
        @Override
        String verb() {
            return "pause";
        }
    }

    @Command(name = "resume", description = "Resume a paused back-scan.")
    static final class Resume extends Steer {
        @Override
        String verb() {
            return "resume";
        }
    }

    @Command(name = "cancel", description = "Cancel a back-scan (its results stay).")
    static final class Cancel extends Steer {
        @Override
        String verb() {
            return "cancel";
        }
    }
}

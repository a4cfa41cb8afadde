package org.pramaan.cli;

import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pramaan.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The console's pages (issue 13) over many open cases: a scratch embedded store is filled with open cases of varied
 * notice types (so varied statutory deadlines), the real server is started on a loopback port, a reviewer signs in,
 * and the queue page and case views are fetched through the real console handlers. Each figure is a loopback round
 * trip, so it bounds the server's time from above. Targets: queue page 150 ms and case view 100 ms at p95.
 */
@Command(
        name = "console",
        description = "Console queue page and case view over many open cases, real server: p50/p95/p99 ms.")
final class BenchConsoleCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Option(names = "--cases", defaultValue = "10000", description = "open cases")
    int cases;

    @Option(names = "--rounds", defaultValue = "200", description = "timed requests per page (after 20 warm-up)")
    int rounds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PramaanCli.LazyRuntime runtime;

    BenchConsoleCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        if (cases < 1 || rounds < 1) throw new IllegalArgumentException("--cases and --rounds must be at least 1");
        Path dir = Files.createTempDirectory("pramaan-bench-console");
        PrintWriter out = spec.commandLine().getOut();
        try (CliRuntime app = runtime.get().scratch(dir)) {
            List<String> ids = BenchQueueCommand.openCases(app, dir, cases);
            String secret = app.keys().create(Role.REVIEWER, "bench").secret();
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            int p = port;
            Thread server = new Thread(
                    () -> {
                        try {
                            app.serve("127.0.0.1", p);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "bench-console-server");
            server.setDaemon(true);
            server.start();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            String base = "http://127.0.0.1:" + port;
            String cookie = signIn(http, base, secret);
            out.printf("machine: %s%n", BenchCommand.machine());
            out.printf(
                    "open cases: %d, rounds: %d (loopback round trips through the real console handlers)%n",
                    cases, rounds);
            out.printf("%-28s %10s %10s %10s %10s %8s%n", "page", "p50 ms", "p95 ms", "p99 ms", "target", "KiB");
            row(out, http, cookie, "queue page (/queue)", 150, i -> base + "/queue");
            // A page deep in the queue (the store skips to it in its index) and a filtered page.
            int middle = Math.max(1, (cases + 199) / 200);
            row(out, http, cookie, "queue, middle page", 150, i -> base + "/queue?page=" + middle);
            row(
                    out,
                    http,
                    cookie,
                    "queue, IN+type+unassigned",
                    150,
                    i -> base + "/queue?jurisdiction=IN&type=IN_3_2_B_COMPLAINT&assigned=none");
            row(
                    out,
                    http,
                    cookie,
                    "case view (/cases/{id})",
                    100,
                    i -> base + "/cases/" + ids.get((i * 7919) % ids.size()));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return 0;
    }

    private static String signIn(HttpClient http, String base, String secret) throws Exception {
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/signin"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "apiKey=" + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                break;
            } catch (java.net.ConnectException notYet) {
                // The server thread is still starting: try again shortly (start-up only, nothing timed here).
                Thread.sleep(100);
            }
        }
        if (r == null || r.statusCode() != 303)
            throw new IllegalStateException("console sign-in failed: " + (r == null ? "no server" : r.statusCode()));
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        int semi = set.indexOf(';');
        return semi < 0 ? set : set.substring(0, semi);
    }

    private void row(
            PrintWriter out,
            HttpClient http,
            String cookie,
            String name,
            int targetMs,
            java.util.function.IntFunction<String> url)
            throws Exception {
        long bytes = 0;
        for (int i = 0; i < 20; i++) bytes = get(http, cookie, url.apply(i));
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            bytes = get(http, cookie, url.apply(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        out.printf(
                "%-28s %10.2f %10.2f %10.2f %10s %8d%n",
                name,
                nanos[rounds / 2] / 1e6,
                nanos[pct(0.95)] / 1e6,
                nanos[pct(0.99)] / 1e6,
                "<= " + targetMs,
                bytes / 1024);
        out.flush();
    }

    private int pct(double q) {
        return Math.min(rounds - 1, Math.max(0, (int) Math.ceil(rounds * q) - 1));
    }

    private static long get(HttpClient http, String cookie, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
        return r.body().length;
    }
}

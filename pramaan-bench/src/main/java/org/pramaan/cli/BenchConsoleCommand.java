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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pramaan.access.Role;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.intake.UploadContext;
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
            java.awt.image.BufferedImage img =
                    new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8);
            Path png = dir.resolve("img.png");
            javax.imageio.ImageIO.write(img, "png", png.toFile());
            String media =
                    app.intake().ingest(png, UploadContext.none()).media().id();
            // Types with different clocks (IT Rules 2021 r.3(1)(b), 3(1)(d), 3(2)(a), 3(2)(b)): deadlines from hours to
            // days, so the queue's deadline ordering and buckets see a real spread.
            List<String> types =
                    List.of("IN_3_2_B_COMPLAINT", "IN_3_1_D_ORDER", "IN_3_2_A_GRIEVANCE", "IN_3_1_B_REMOVAL_REQUEST");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < cases; i++)
                ids.add(app.cases()
                        .openCase(new NoticeRequest(
                                types.get(i % types.size()), media, Map.of("n", Integer.toString(i)), Optional.empty()))
                        .id());
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

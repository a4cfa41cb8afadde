package org.pramaan.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 15: intake and match throughput of 1, 2 and 3 {@code pramaan serve} nodes (this jar, each in its own
 * process) on one PostgreSQL, with each node's CPU seconds per 1,000 requests read from {@code /proc/<pid>/stat}.
 * All nodes run on this one machine and share its cores, so the figures show the cost per request and how the
 * shared database behaves, not what N separate hosts would serve.
 */
@Command(
        name = "cluster",
        description =
                "Intake and match throughput for 1..N nodes on one PostgreSQL; per-node CPU s per 1,000 requests.")
final class BenchClusterCommand implements Callable<Integer> {
    @Option(
            names = "--postgres-url",
            required = true,
            description = "jdbc:postgresql://host:port/database (a scratch one)")
    String url;

    @Option(names = "--postgres-user", defaultValue = "postgres")
    String user;

    @Option(names = "--postgres-password", defaultValue = "")
    String password;

    @Option(names = "--max-nodes", defaultValue = "3")
    int maxNodes;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent client threads (spread over the nodes)")
    int clients;

    @Option(names = "--seconds", defaultValue = "10", description = "timed seconds per phase (after 3 s warm-up)")
    int seconds;

    @Option(names = "--bank-items", defaultValue = "5000", description = "random PDQ items banked before matching")
    int bankItems;

    @Option(names = "--jar", description = "the pramaan jar to run as nodes (default: the jar running this command)")
    Path jar;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final String ADMIN = "pmn_bench_cluster_admin_key_0123456789abcdef";
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        if (maxNodes < 1 || maxNodes > 16 || clients < 1 || seconds < 1 || bankItems < 0)
            throw new IllegalArgumentException("--max-nodes 1..16, --clients ≥ 1, --seconds ≥ 1, --bank-items ≥ 0");
        if (!url.startsWith("jdbc:postgresql://"))
            throw new IllegalArgumentException("--postgres-url must start with jdbc:postgresql://");
        Path self = jar != null
                ? jar
                : Path.of(BenchClusterCommand.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
        if (!self.toString().endsWith(".jar"))
            throw new IllegalArgumentException("run from the packaged jar, or name it with --jar (found " + self + ")");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s (ONE machine: every node shares its cores and the database)%n", BenchCommand.machine());
        out.printf(
                "clients: %d, %d s per phase after 3 s warm-up, %d banked PDQ items; CPU from /proc/<pid>/stat at %d Hz%n",
                clients, seconds, bankItems, HZ);
        List<byte[]> images = images(600);
        out.printf(
                "%-5s %-7s %9s %7s %9s %14s  %-28s %s%n",
                "nodes", "phase", "requests", "errors", "req/s", "CPU s/1k req", "CPU s per node", "load (1 min)");
        for (int n = 1; n <= maxNodes; n++) {
            Path dir = Files.createTempDirectory("pramaan-bench-cluster");
            String schema = "bench_cluster_" + n + "_" + ProcessHandle.current().pid();
            createSchema(schema);
            List<Process> nodes = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    int port = freePort();
                    nodes.add(startNode(self, dir.resolve("node-" + i), "bench-" + i, port, schema));
                    ports.add(port);
                    awaitReady(nodes.get(i), port);
                    if (i == 0) bank(port); // before the others start: they load the banked items from the database
                }
                row(out, n, "intake", nodes, ports, k -> upload(ports.get((int) (k % ports.size())), images, k));
                row(out, n, "match", nodes, ports, k -> match(ports.get((int) (k % ports.size())), k));
            } finally {
                for (Process p : nodes) p.destroy();
                for (Process p : nodes) if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
        out.println("intake = POST /v1/media (distinct 320x240 JPEGs, each screened and stored); match = POST /v1/match"
                + " with one PDQ hash against the bank; CPU s/1k req sums all nodes.");
        return 0;
    }

    /** Linux's USER_HZ; /proc/<pid>/stat counts CPU time in these ticks. */
    static final int HZ = 100;

    @FunctionalInterface
    interface Request {
        boolean send(long k) throws IOException, InterruptedException;
    }

    private void row(PrintWriter out, int n, String phase, List<Process> nodes, List<Integer> ports, Request r)
            throws Exception {
        run(r, Duration.ofSeconds(3), new AtomicLong(), new AtomicLong()); // warm-up: JIT, connections, caches
        long[] before = cpu(nodes);
        AtomicLong ok = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long t0 = System.nanoTime();
        run(r, Duration.ofSeconds(seconds), ok, bad);
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] after = cpu(nodes);
        StringBuilder per = new StringBuilder();
        double total = 0;
        for (int i = 0; i < nodes.size(); i++) {
            double s = (after[i] - before[i]) / (double) HZ;
            total += s;
            per.append(i == 0 ? "" : " ").append(String.format("%.1f", s));
        }
        long reqs = ok.get();
        out.printf(
                "%-5d %-7s %9d %7d %9.1f %14.2f  %-28s %s%n",
                n, phase, reqs, bad.get(), reqs / secs, reqs == 0 ? 0 : total * 1000 / reqs, per, load());
        out.flush();
    }

    private void run(Request r, Duration d, AtomicLong ok, AtomicLong bad) throws Exception {
        long end = System.nanoTime() + d.toNanos();
        AtomicLong next = new AtomicLong(ProcessHandle.current().pid() * 1_000_000L + System.nanoTime() % 1_000_000L);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++)
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (r.send(next.getAndIncrement())) ok.incrementAndGet();
                    else bad.incrementAndGet();
                }
                return null;
            }));
        for (Future<?> f : fs) f.get();
        pool.shutdown();
    }

    private boolean upload(int port, List<byte[]> images, long k) throws IOException, InterruptedException {
        // A distinct file per request: a JPEG comment segment (ITU T.81 B.2.4.5, FF FE) with the request number right
        // after the start-of-image marker, so every upload is new media with the same pixels.
        byte[] base = images.get((int) (k % images.size()));
        byte[] body = new byte[base.length + 12];
        body[0] = base[0];
        body[1] = base[1];
        body[2] = (byte) 0xFF;
        body[3] = (byte) 0xFE;
        body[4] = 0;
        body[5] = 10; // the length counts itself and the 8 bytes of k
        for (int i = 0; i < 8; i++) body[6 + i] = (byte) (k >>> (8 * i));
        System.arraycopy(base, 2, body, 14, base.length - 2);
        HttpResponse<Void> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/media"))
                        .header("Authorization", "Bearer " + ADMIN)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return r.statusCode() / 100 == 2;
    }

    private boolean match(int port, long k) throws IOException, InterruptedException {
        String hash = randomPdq(new SplittableRandom(k));
        HttpResponse<Void> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/match"))
                        .header("Authorization", "Bearer " + ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"pdq\":[\"" + hash + "\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
    }

    private void bank(int port) throws IOException, InterruptedException {
        send(port, "/v1/banks", "application/json", "{\"name\":\"bench\",\"kind\":\"ncii\"}", 201);
        if (bankItems == 0) return;
        SplittableRandom rnd = new SplittableRandom(15);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bankItems; i++)
            b.append("{\"pdq\":\"").append(randomPdq(rnd)).append("\",\"quality\":100}\n");
        send(port, "/v1/banks/bench/items", "application/x-ndjson", b.toString(), 0);
    }

    private void send(int port, String path, String type, String body, int expect)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + ADMIN)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (expect != 0 ? r.statusCode() != expect : r.statusCode() / 100 != 2)
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
    }

    private static String randomPdq(SplittableRandom rnd) {
        byte[] h = new byte[32];
        for (int i = 0; i < h.length; i++) h[i] = (byte) rnd.nextInt(256);
        return HexFormat.of().formatHex(h);
    }

    private void createSchema(String schema) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(url, p);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema); // a fresh schema per node count: no earlier round's data
        }
    }

    private Process startNode(Path jarPath, Path data, String id, int port, String schema) throws IOException {
        Files.createDirectories(data);
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jarPath.toString(),
                        "serve",
                        "--port",
                        Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("node.log").toFile());
        var env = pb.environment();
        env.remove("PRAMAAN_CONFIG");
        env.put("PRAMAAN_DATA_DIR", data.toString());
        env.put("PRAMAAN_NODE_ID", id);
        env.put("PRAMAAN_ADMIN_KEY", ADMIN);
        env.put("PRAMAAN_HTTP_RATE_LIMIT_ENABLED", "false");
        env.put(
                "PRAMAAN_AUDIT_CHECKPOINT_KEY",
                data.resolveSibling(id + "-checkpoint.key").toString());
        env.put("PRAMAAN_STORE", "postgres");
        env.put("PRAMAAN_STORE_POSTGRES_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        env.put("PRAMAAN_STORE_POSTGRES_USER", user);
        env.put("PRAMAAN_STORE_POSTGRES_PASSWORD", password);
        return pb.start();
    }

    private void awaitReady(Process p, int port) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until && p.isAlive()) {
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200); // polling a starting process, not timing anything measured
        }
        throw new IllegalStateException("node on port " + port + " did not become ready (alive: " + p.isAlive() + ")");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** utime + stime of each process, in ticks; -1 entries would show as nonsense, so an unreadable file is fatal. */
    private static long[] cpu(List<Process> nodes) throws IOException {
        long[] t = new long[nodes.size()];
        for (int i = 0; i < t.length; i++) {
            String stat =
                    Files.readString(Path.of("/proc", Long.toString(nodes.get(i).pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 14); // fields 3.. (comm may hold spaces)
            t[i] = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 (utime) and 15 (stime)
        }
        return t;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Photo-like JPEGs (gradients and blocks), distinct per seed. */
    private static List<byte[]> images(int count) throws IOException {
        List<byte[]> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            SplittableRandom rnd = new SplittableRandom(s);
            BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            int a = rnd.nextInt(0xffffff), b = rnd.nextInt(0xffffff);
            for (int y = 0; y < 240; y++)
                for (int x = 0; x < 320; x++) img.setRGB(x, y, (a * x + b * y + (x * y) / (1 + s % 7)) & 0xffffff);
            var g = img.createGraphics();
            for (int k = 0; k < 12; k++) {
                g.setColor(new java.awt.Color(rnd.nextInt(0xffffff)));
                g.fillRect(rnd.nextInt(320), rnd.nextInt(240), 10 + rnd.nextInt(80), 10 + rnd.nextInt(60));
            }
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "jpg", bytes);
            out.add(bytes.toByteArray());
        }
        return out;
    }
}

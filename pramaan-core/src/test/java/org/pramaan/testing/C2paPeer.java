package org.pramaan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The C2PA reference SDK as a live peer: ONE long-lived {@code node peer.mjs} child speaking JSON lines
 * (src/test/resources/c2pa-peer/peer.mjs), so hundreds of reads do not each pay Node's start-up. Calls
 * are serialised and time-limited; a call that overruns kills the child (the next call starts a fresh one).
 * Tests get the instance shared by the whole run through {@link Resolver}, which kills it when the run ends.
 */
public final class C2paPeer implements AutoCloseable {
    /** Per call; a read of a few-MB fixture takes well under a second (timings are printed by the suite). */
    public static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the reference reader said about a file. */
    public sealed interface Result {
        /** {@code Reader.fromAsset} gave a reader; {@code json} is {@code reader.json()}. */
        record Store(JsonNode json) implements Result {}
        /** {@code Reader.fromAsset} resolved to null: no C2PA data. */
        record NoManifest() implements Result {}
        /** The reader rejected the file; {@code name} is the Rust error variant, e.g. {@code C2pa(UnknownAlgorithm)}. */
        record Rejected(String name, String message) implements Result {}
    }

    private final Path dir;
    private Process process;
    private Writer stdin;
    private BlockingQueue<String> replies;
    private long nextId;
    private long calls;
    private long busyNanos;

    private C2paPeer(Path dir) {
        this.dir = dir;
    }

    /** Installs (once per build folder) and starts the peer; skips without node/npm unless {@code CI=true}. */
    public static C2paPeer start() {
        C2paPeer p = new C2paPeer(C2paPeerInstall.ensure());
        p.call(JSON.createObjectNode().put("cmd", "ping"), START_LIMIT, "start-up");
        return p;
    }

    /** Reads with the reference's default trust settings (no anchors), remote and OCSP fetching off. */
    public Result read(Path file) {
        return read(file, Optional.empty(), Optional.empty());
    }

    /** @param trustAnchorsPem anchors for {@code trust.trust_anchors}; @param trustConfig EKU list for {@code trust.trust_config} */
    public Result read(Path file, Optional<String> trustAnchorsPem, Optional<String> trustConfig) {
        ObjectNode req = JSON.createObjectNode()
                .put("cmd", "read")
                .put("path", file.toAbsolutePath().toString());
        trustAnchorsPem.ifPresent(p -> req.put("trustAnchorsPem", p));
        trustConfig.ifPresent(c -> req.put("trustConfig", c));
        return result(call(req, CALL_LIMIT, "read " + file));
    }

    private static Result result(JsonNode r) {
        if (!r.path("ok").asBoolean())
            return new Result.Rejected(
                    r.path("error").asText(), r.path("message").asText());
        return r.path("json").isNull() ? new Result.NoManifest() : new Result.Store(r.get("json"));
    }

    /** Validates a sidecar store (§11.5) against its asset with {@code Reader.fromManifestDataAndAsset}; trust as for {@link #read}. */
    public Result readStore(Path store, Path asset, Optional<String> trustAnchorsPem, Optional<String> trustConfig) {
        ObjectNode req = JSON.createObjectNode()
                .put("cmd", "readStore")
                .put("store", store.toAbsolutePath().toString())
                .put("path", asset.toAbsolutePath().toString());
        trustAnchorsPem.ifPresent(p -> req.put("trustAnchorsPem", p));
        trustConfig.ifPresent(c -> req.put("trustConfig", c));
        return result(call(req, CALL_LIMIT, "readStore " + store + " with " + asset));
    }

    /**
     * Signs {@code in} into {@code out} with a {@code LocalSigner} and {@code Builder.withJson}, claim
     * thumbnails off (they only cost time here).
     *
     * @param sidecar where to write the store instead of embedding it ({@code out} is then the unchanged asset)
     * @param alg     one of es256 es384 es512 ps256 ps384 ps512 ed25519
     * @return empty when signed, else the reference's error name and message
     */
    public Optional<String> sign(
            Path in,
            Path out,
            Optional<Path> sidecar,
            String certPem,
            String keyPem,
            String alg,
            JsonNode manifestDefinition) {
        ObjectNode req = JSON.createObjectNode()
                .put("cmd", "sign")
                .put("in", in.toAbsolutePath().toString())
                .put("out", out.toAbsolutePath().toString())
                .put("certPem", certPem)
                .put("keyPem", keyPem)
                .put("alg", alg);
        sidecar.ifPresent(p -> req.put("sidecar", p.toAbsolutePath().toString()));
        req.set("manifestDefinition", manifestDefinition);
        JsonNode r = call(req, CALL_LIMIT, "sign " + in + " (" + alg + ")");
        return r.path("ok").asBoolean()
                ? Optional.empty()
                : Optional.of(
                        r.path("error").asText() + ": " + r.path("message").asText());
    }

    /** Has the peer wait {@code ms} before answering, under {@code limit}: for the harness's own time-limit test. */
    void sleep(long ms, Duration limit) {
        call(JSON.createObjectNode().put("cmd", "sleep").put("ms", ms), limit, "sleep " + ms + " ms");
    }

    /** Calls so far and their mean wall time (Java side, JSON encoding included), for the suites' timing lines. */
    public synchronized String timings() {
        return String.format("%d peer calls, mean %.1f ms", calls, calls == 0 ? 0.0 : busyNanos / 1e6 / calls);
    }

    private synchronized JsonNode call(ObjectNode req, Duration limit, String what) {
        long t0 = System.nanoTime();
        if (process == null || !process.isAlive()) launch();
        long id = ++nextId;
        req.put("id", id);
        try {
            stdin.write(JSON.writeValueAsString(req));
            stdin.write('\n');
            stdin.flush();
            String line = replies.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                kill();
                throw new AssertionError("C2PA reference peer did not answer '" + what + "' within " + limit.toMillis()
                        + " ms; killed it. stderr: " + C2paPeerInstall.tail(dir.resolve("peer-stderr.log")));
            }
            JsonNode r = JSON.readTree(line);
            if (r.path("id").asLong() != id)
                throw new AssertionError(
                        "C2PA reference peer answered id " + r.path("id") + " to request " + id + " ('" + what + "')");
            return r;
        } catch (IOException e) {
            kill();
            throw new AssertionError(
                    "C2PA reference peer failed on '" + what + "': " + e.getMessage() + "; stderr: "
                            + C2paPeerInstall.tail(dir.resolve("peer-stderr.log")),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the C2PA reference peer", e);
        } finally {
            calls++;
            busyNanos += System.nanoTime() - t0;
        }
    }

    private void launch() {
        try {
            // stderr goes to a file: the SDK prints Rust panic backtraces there (id3v23 fixture), which must not block
            // the pipe.
            process = new ProcessBuilder("node", "peer.mjs")
                    .directory(dir.toFile())
                    .redirectError(dir.resolve("peer-stderr.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("cannot start 'node peer.mjs' in " + dir + ": " + e.getMessage(), e);
        }
        stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        replies = q;
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread pump = new Thread(
                () -> {
                    try {
                        for (String l; (l = out.readLine()) != null; ) q.add(l);
                    } catch (IOException e) {
                        // the child died or was killed: the waiting call times out or sees a closed pipe
                    }
                },
                "c2pa-peer-stdout");
        pump.setDaemon(true);
        pump.start();
    }

    private void kill() {
        if (process != null) process.destroyForcibly();
        process = null;
    }

    @Override
    public synchronized void close() {
        kill();
    }

    /**
     * Injects the run-wide peer into test methods; closed (child killed) when the run ends. The peer starts in
     * {@code beforeEach}, where a missing node/npm abort counts as a skip (a parameter resolver's abort would be
     * reported as an error).
     */
    public static final class Resolver implements BeforeEachCallback, ParameterResolver {
        @Override
        public void beforeEach(ExtensionContext ec) {
            shared(ec);
        }

        @Override
        public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
            return pc.getParameter().getType() == C2paPeer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
            return shared(ec);
        }

        private static C2paPeer shared(ExtensionContext ec) {
            return ec.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(C2paPeer.class, k -> start(), C2paPeer.class);
        }
    }
}

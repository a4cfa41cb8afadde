package org.pramaan.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a loopback port that records every request and answers from a script
 * (by default 200): the stand-in for a platform's webhook or the Transparency Database in tests.
 */
public final class HttpReceiver implements AutoCloseable {
    /** A request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse("");
        }
    }

    /** An answer to give. */
    public record Answer(int status, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private Answer fallback = new Answer(200, "{}");

    public HttpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", ex -> {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Answer a;
            synchronized (this) {
                requests.add(new Request(
                        ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
                a = script.isEmpty() ? fallback : script.poll();
            }
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these answers, in order; after them, the fallback. */
    public synchronized HttpReceiver thenAnswer(int status, String body) {
        script.add(new Answer(status, body));
        return this;
    }

    public synchronized void answerByDefault(int status, String body) {
        fallback = new Answer(status, body);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

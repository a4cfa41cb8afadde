package org.pramaan.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.pramaan.json.Json;

/** A tiny JSON client for the API under test: real HTTP over loopback. */
final class ApiClient {
    record Response(int status, JsonNode json, String raw) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path, String key) throws IOException, InterruptedException {
        return send(request(path, key).GET().build());
    }

    Response postJson(String path, String key, String json) throws IOException, InterruptedException {
        return send(request(path, key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    Response send(String method, String path, String key, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, key);
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Response postBytes(String path, String key, byte[] body) throws IOException, InterruptedException {
        return send(request(path, key)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    Response sendBytes(String path, String key, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(request(path, key)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    Response postMultipart(String path, String key, byte[] file, String declaration)
            throws IOException, InterruptedException {
        String boundary = "pramaan-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"declaration\"\r\n\r\n"
                        + declaration + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return send(request(path, key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return b;
    }

    private Response send(HttpRequest r) throws IOException, InterruptedException {
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (resp.headers().firstValue("Content-Type").orElse("").startsWith("application/json"))
            json = Json.mapper().readTree(resp.body());
        return new Response(resp.statusCode(), json, resp.body());
    }
}

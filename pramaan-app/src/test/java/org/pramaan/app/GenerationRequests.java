package org.pramaan.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** {@code POST /v1/generations} as a generator's client sends it: multipart with the context JSON and the file. */
final class GenerationRequests {
    private GenerationRequests() {}

    /** The boundary differs per call, as a real client's would; {@code headers} adds e.g. Idempotency-Key. */
    static HttpResponse<byte[]> post(
            HttpClient http, String apiBase, String apiKey, byte[] file, String context, Map<String, String> headers)
            throws IOException, InterruptedException {
        String boundary = "pramaan-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"context\"\r\n\r\n" + context
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"out.jpg\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + "/v1/generations"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

package org.pramaan.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pramaan.json.Json;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send (a body cut short,
 * a bad boundary, HEAD and OPTIONS): the bytes go out exactly as given and the answer is read raw.
 */
final class RawHttp {
    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }

        boolean isJson() {
            return headers.getOrDefault("content-type", "").startsWith("application/json");
        }

        String errorCode() throws IOException {
            return json().path("error").path("code").asText();
        }

        String errorMessage() throws IOException {
            return json().path("error").path("message").asText();
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends the head (request line and headers, without the blank line) and the body; closes the writing half when {@code halfClose}. */
    Response send(String head, byte[] body, boolean halfClose) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
                if (halfClose) s.shutdownOutput();
            } catch (SocketException e) {
                // The server may answer and close before reading all of a refused body; its answer is still readable.
            }
            return read(s.getInputStream());
        }
    }

    /** A request with Connection: close and Content-Length set from the body. */
    Response request(String method, String path, String key, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder(
                method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close");
        if (key != null) head.append("\r\nAuthorization: Bearer ").append(key);
        headers.forEach((k, v) -> head.append("\r\n").append(k).append(": ").append(v));
        if (body.length > 0 || !headers.containsKey("Transfer-Encoding"))
            head.append("\r\nContent-Length: ").append(body.length);
        return send(head.toString(), body, false);
    }

    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) all.write(buf, 0, n);
        String text =
                all.toString(StandardCharsets.ISO_8859_1); // byte-exact framing; the body is decoded as UTF-8 below
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) throw new IOException("no complete response head: " + text);
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0)
                headers.put(
                        lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(c + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
        return new Response(
                status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int eol = s.indexOf("\r\n", i);
            if (eol < 0) break;
            int size = Integer.parseInt(s.substring(i, eol).split(";")[0].trim(), 16);
            if (size == 0) break;
            out.append(s, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}

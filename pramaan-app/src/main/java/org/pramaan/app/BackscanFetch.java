package org.pramaan.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pramaan.backscan.FetchHook;
import org.pramaan.errors.Invalid;
import org.pramaan.media.MediaSource;

/**
 * The embedded {@link FetchHook}: a list entry is either a relative path read from {@code backscan.fetch-root}
 * (never outside it, links not followed) or an http(s) URL under one of {@code backscan.fetch-url-prefixes}
 * (no redirects, so a prefix cannot be escaped), read into the spool folder up to {@code backscan.fetch-max-bytes}
 * within {@code backscan.fetch-timeout}.
 */
final class BackscanFetch implements FetchHook {
    private final Optional<Path> root;
    private final List<String> prefixes;
    private final long maxBytes;
    private final Duration timeout;
    private final Path spool;
    private final HttpClient http;

    BackscanFetch(PramaanConfig.Backscan config, Path spool) {
        this.root = config.fetchRoot().map(p -> {
            try {
                return p.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "configuration backscan.fetch-root '" + p + "' cannot be resolved", e);
            }
        });
        this.prefixes = config.fetchUrlPrefixes();
        this.maxBytes = config.fetchMaxBytes();
        this.timeout = config.fetchTimeout();
        this.spool = spool;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static boolean isUrl(String ref) {
        return ref.startsWith("http://") || ref.startsWith("https://");
    }

    @Override
    public void check(String ref) {
        if (isUrl(ref)) {
            URI u;
            try {
                u = new URI(ref);
            } catch (java.net.URISyntaxException e) {
                throw new Invalid("backscan.bad_id", null, "'" + ref + "' is not a URL: " + e.getReason(), null);
            }
            if (u.getHost() == null
                    || u.getRawUserInfo() != null
                    || u.getRawPath() == null
                    || u.getRawPath().contains(".."))
                throw new Invalid(
                        "backscan.bad_id", null, "URL '" + ref + "' has no host, has user info or '..'", null);
            if (prefixes.stream().noneMatch(ref::startsWith))
                throw new Invalid(
                        "backscan.fetch_refused",
                        null,
                        "URL '" + ref + "' is under none of backscan.fetch-url-prefixes",
                        null);
            return;
        }
        if (root.isEmpty())
            throw new Invalid("backscan.fetch_refused", null, "ids need backscan.fetch-root; none is configured", null);
        if (ref.startsWith("/") || ref.indexOf('\\') >= 0 || !idChars(ref))
            throw new Invalid(
                    "backscan.bad_id",
                    null,
                    "id '" + ref + "' must be a relative path of letters, digits, '.', '_', '-' and '/'",
                    null);
        for (String part : ref.split("/", -1))
            if (part.isEmpty() || part.equals(".") || part.equals(".."))
                throw new Invalid("backscan.bad_id", null, "id '" + ref + "' has an empty, '.' or '..' segment", null);
    }

    private static boolean idChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-'
                    || c == '/';
            if (!ok) return false;
        }
        return true;
    }

    @Override
    public MediaSource open(String ref) throws IOException {
        check(ref);
        return isUrl(ref) ? download(ref) : local(ref);
    }

    private MediaSource local(String ref) throws IOException {
        Path base = root.orElseThrow();
        Path file = base.resolve(ref).normalize();
        if (!file.startsWith(base) || Files.isSymbolicLink(file))
            throw new IOException("'" + ref + "' is a link or outside backscan.fetch-root; not followed");
        Path real = file.toRealPath();
        if (!real.startsWith(base) || !Files.isRegularFile(real))
            throw new IOException("'" + ref + "' is not a file inside backscan.fetch-root");
        if (Files.size(real) > maxBytes)
            throw new IOException("'" + ref + "' is larger than backscan.fetch-max-bytes (" + maxBytes + ")");
        return MediaSource.open(real);
    }

    private MediaSource download(String ref) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(ref)).timeout(timeout).GET().build();
        Path tmp = Files.createTempFile(spool, "backscan-", ".part");
        try {
            HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = res.body();
                    OutputStream out = Files.newOutputStream(tmp)) {
                if (res.statusCode() != 200) throw new IOException("GET " + ref + " answered " + res.statusCode());
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > maxBytes)
                        throw new IOException(
                                "GET " + ref + " is larger than backscan.fetch-max-bytes (" + maxBytes + ")");
                    if (System.nanoTime() > deadline)
                        throw new IOException(
                                "GET " + ref + " took longer than backscan.fetch-timeout (" + timeout + ")");
                    out.write(buf, 0, n);
                }
            }
            return org.pramaan.media.SpooledSource.open(tmp);
        } catch (InterruptedException e) {
            Files.deleteIfExists(tmp);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + ref, e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}

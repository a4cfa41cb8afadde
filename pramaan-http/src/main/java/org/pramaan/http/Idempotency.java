package org.pramaan.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pramaan.access.Principal;
import org.pramaan.hash.ContentDigests;
import org.pramaan.idempotency.IdempotentRequests;
import org.pramaan.idempotency.IdempotentRequests.Outcome;
import org.pramaan.idempotency.StoredResponse;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;

/**
 * The {@code Idempotency-Key} request header (draft-ietf-httpapi-idempotency-key-header-07) on every
 * POST that creates or changes something: a retry with the same key and the same request gets the
 * first response again (same status, type and body, plus {@code Idempotent-Replayed: true}). Keys are
 * scoped per API key; see {@link IdempotentRequests} for the design and what a crash does.
 *
 * <p>The request fingerprint is SHA-256 over the method, route, path, query and a digest of the body:
 * for multipart, each form field and each file part's content, streamed from Jetty's spool (the
 * boundary differs per attempt and is left out); for JSON routes, the body (Javalin's 1 MiB request
 * limit applies, as it does to {@code ctx.body()}); for a raw body on a route that streams one (uploads,
 * bank imports), the body is spooled to the upload folder while digesting, within the upload size
 * limit, and the route reads it from there ({@link #body}).
 */
final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** Long enough for a UUID, a ULID or a client's own prefix plus either (Stripe allows 255 too). */
    static final int MAX_KEY_LENGTH = 255;

    private static final String SPOOLED = "pramaan.idempotency.spooled";
    private static final String BUFFERED = "pramaan.idempotency.buffered";
    private static final String REQUESTS = "pramaan.idempotency.requests";
    private static final String STORED = "pramaan.idempotency.stored";
    private static final String JSON = "application/json";

    /**
     * POST routes with an effect. Left out: lookups and hashing (no effect: {@code /v1/hash},
     * {@code /v1/match}, {@code /h/hash}, {@code /m/*}, {@code /v1/provenance/verify}) and
     * {@code /v1/provenance/sign}, whose only record is an audit line and whose response is the signed
     * media itself, which would otherwise be kept at rest for a day per request.
     */
    static final Set<String> ROUTES = Set.of(
            "POST /v1/media",
            "POST /v1/holds",
            "POST /v1/holds/{id}/release",
            "POST /v1/retention/purge",
            "POST /v1/notices",
            "POST /v1/cases/{id}/actions",
            "POST /v1/cases/{id}/notice-fields",
            "POST /v1/cases/{id}/appeals",
            "POST /v1/cases/{id}/appeals/decision",
            "POST /v1/banks",
            "POST /v1/banks/{name}/items",
            "POST /v1/deliveries/{id}/retry",
            "POST /c/banks",
            "POST /c/bank/{name}/content");

    /** Routes that stream a raw body of up to the upload limit (the others read at most 1 MiB of JSON through {@code ctx.body()}). */
    private static final Set<String> STREAMED =
            Set.of("POST /v1/media", "POST /v1/banks/{name}/items", "POST /c/bank/{name}/content");

    private final Optional<IdempotentRequests> requests;
    private final Uploads.Spool services;

    /** A route group whose effects are audited: its response is stored in the audit log's unit of work, so both commit together. */
    interface Audited {
        org.pramaan.audit.AuditLog audit();
    }

    Idempotency(Optional<IdempotentRequests> requests, Uploads.Spool services) {
        this.requests = requests;
        this.services = services;
    }

    /** Runs {@code r}'s handler once per key; without the header (or on other routes) it just runs it. */
    void handle(Route r, Context ctx) throws Exception {
        String header = ctx.header(HEADER);
        if (header == null || requests.isEmpty() || !ROUTES.contains(r.method() + " " + r.path())) {
            r.handler().handle(ctx);
            return;
        }
        String key = key(header);
        Principal p = HttpApi.principal(ctx);
        try {
            Outcome o = requests.get().begin(p.keyId(), key, fingerprint(r, ctx));
            switch (o) {
                case Outcome.Replay replay -> replay(ctx, replay.response());
                case Outcome.Conflict c ->
                    throw new ApiException(
                            409,
                            "idempotency.conflict",
                            HEADER + " '" + key
                                    + "' was already used by this API key for a different request (method, path or body differ); use a new key for a new request");
                case Outcome.InProgress c ->
                    throw new ApiException(
                            409,
                            "idempotency.in_progress",
                            "the first request with " + HEADER + " '" + key
                                    + "' is still being processed; retry when it has finished");
                case Outcome.Interrupted c ->
                    throw new ApiException(
                            409,
                            "idempotency.interrupted",
                            "the first request with " + HEADER + " '" + key
                                    + "' took effect, but a server restart lost its response; look the result up (e.g. GET /v1/cases) instead of sending it again");
                case Outcome.Proceed proceed -> run(r, ctx, proceed);
            }
        } finally {
            Path spooled = ctx.attribute(SPOOLED);
            if (spooled != null) Files.deleteIfExists(spooled);
        }
    }

    private void run(Route r, Context ctx, Outcome.Proceed proceed) throws Exception {
        try {
            ctx.attribute(REQUESTS, requests.orElseThrow());
            requests.orElseThrow().within(proceed, () -> r.handler().handle(ctx));
        } catch (Exception | Error e) {
            requests.orElseThrow()
                    .release(proceed); // refused before it took effect (or failed): the key may be retried
            throw e;
        }
        if (Boolean.TRUE.equals(ctx.attribute(STORED))) {
            requests.orElseThrow().finish(proceed); // the route stored its response with its effect (see respond)
            return;
        }
        if (ctx.statusCode() < 200 || ctx.statusCode() > 299) {
            requests.orElseThrow().release(proceed);
            return;
        }
        InputStream result = ctx.resultInputStream();
        byte[] body = result == null ? new byte[0] : result.readAllBytes();
        ctx.result(body);
        String type = Optional.ofNullable(ctx.res().getContentType()).orElse("");
        requests.orElseThrow().complete(proceed, new StoredResponse(ctx.statusCode(), type, body));
    }

    /**
     * Runs a route's effect in the audit's unit of work, renders its JSON response there and, for a
     * request with an {@code Idempotency-Key}, stores that response in the same transaction, then sends
     * exactly those bytes. A crash therefore keeps the effect and its response together or neither: a
     * retry is either run once or replayed, never answered {@code idempotency.interrupted}. The effect
     * must take the store's lock before any of its own (CaseService does), since it runs inside it.
     */
    static void respond(Context ctx, Audited services, int status, java.util.function.Supplier<?> effect) {
        byte[] json = services.audit().unitOfWork().run(() -> storeInUnit(ctx, status, effect.get()));
        ctx.status(status).contentType(JSON).result(json);
    }

    /**
     * Renders {@code body} and, inside the caller's unit of work, stores it as the response of the
     * request's claim (if any); returns the bytes to send. For routes whose effect runs in a use case's
     * own unit (intake), called from inside that unit.
     */
    static byte[] storeInUnit(Context ctx, int status, Object body) {
        byte[] json = org.pramaan.json.Json.write(body).getBytes(StandardCharsets.UTF_8);
        IdempotentRequests requests = ctx.attribute(REQUESTS);
        if (requests != null && requests.completeInUnit(new StoredResponse(status, JSON, json)))
            ctx.attribute(STORED, true);
        return json;
    }

    private static void replay(Context ctx, StoredResponse stored) {
        ctx.status(stored.status()).header(REPLAYED, "true");
        if (!stored.contentType().isEmpty()) ctx.contentType(stored.contentType());
        ctx.result(stored.body());
    }

    /**
     * The key: an sf-string (draft §2.1), quoted or not; printable ASCII without quotes or backslashes,
     * 1..{@value #MAX_KEY_LENGTH} characters. Checked by plain code before anything else reads it.
     */
    static String key(String header) {
        String k = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                ? header.substring(1, header.length() - 1)
                : header;
        if (k.isEmpty() || k.length() > MAX_KEY_LENGTH) {
            throw new ApiException(
                    400,
                    "idempotency.key_invalid",
                    "the " + HEADER + " header must be 1 to " + MAX_KEY_LENGTH + " characters, got " + k.length());
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                throw new ApiException(
                        400,
                        "idempotency.key_invalid",
                        "the " + HEADER + " header may hold only printable ASCII without spaces, quotes"
                                + " or backslashes; character " + (i + 1) + " is U+" + String.format("%04X", (int) c));
            }
        }
        return k;
    }

    private String fingerprint(Route r, Context ctx) throws IOException, MediaRejectedException {
        MessageDigest d = ContentDigests.digest("SHA-256");
        for (String s : List.of(
                r.method(),
                r.path(),
                ctx.path(),
                Optional.ofNullable(ctx.queryString()).orElse(""))) update(d, s);
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (ctx.isMultipartFormData()) {
            for (Map.Entry<String, List<String>> f : new TreeMap<>(ctx.formParamMap()).entrySet()) {
                update(d, "field:" + f.getKey());
                for (String v : f.getValue()) update(d, v);
            }
            for (Map.Entry<String, List<UploadedFile>> f : new TreeMap<>(ctx.uploadedFileMap()).entrySet()) {
                update(d, "file:" + f.getKey());
                for (UploadedFile u : f.getValue()) {
                    update(d, Optional.ofNullable(u.filename()).orElse(""));
                    try (InputStream in = u.content()) {
                        update(d, digest(in));
                    }
                }
            }
        } else {
            update(
                    d,
                    (type.indexOf(';') < 0 ? type : type.substring(0, type.indexOf(';')))
                            .trim()
                            .toLowerCase(java.util.Locale.ROOT));
            if (type.startsWith("application/json") || !STREAMED.contains(r.method() + " " + r.path())) {
                ctx.attribute(BUFFERED, true);
                d.update(ctx.bodyAsBytes());
            } else {
                update(d, spool(ctx));
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** Spools a raw body (bounded by the upload limit) and returns its digest; {@link #body} reads it back. */
    private String spool(Context ctx) throws IOException, MediaRejectedException {
        Files.createDirectories(services.uploadDir());
        Path spool = Files.createTempFile(services.uploadDir(), "idem-", ".bin");
        ctx.attribute(SPOOLED, spool);
        MessageDigest d = ContentDigests.digest("SHA-256");
        long max = services.limits().maxBytes();
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = ctx.bodyInputStream();
                OutputStream out = Files.newOutputStream(spool)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max)
                    throw new MediaRejectedException(
                            RejectionCode.TOO_LARGE, "request body exceeds the size limit of " + max + " bytes");
                d.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The request body for routes that stream it: the spooled copy when this class had to read it first. */
    static InputStream body(Context ctx) throws IOException {
        Path spooled = ctx.attribute(SPOOLED);
        if (spooled != null) return Files.newInputStream(spooled);
        if (Boolean.TRUE.equals(ctx.attribute(BUFFERED))) return new ByteArrayInputStream(ctx.bodyAsBytes());
        return ctx.bodyInputStream();
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest d = ContentDigests.digest("SHA-256");
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) d.update(buf, 0, n);
        return HexFormat.of().formatHex(d.digest());
    }

    /** Length-prefixed, so no two different sequences of parts hash alike. */
    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(b);
    }
}

package org.pramaan.http;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaScreened;
import org.pramaan.intake.ScreeningView;
import org.pramaan.intake.UploadContext;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.signals.UploaderDeclaration;

/** {@code POST /v1/media} (multipart field {@code file}, or the raw body) and {@code GET /v1/media/{id}}. */
public final class MediaRoutes {
    /** {@code /v1/media}: intake, the media read model and the upload spool. */
    public record Services(
            org.pramaan.intake.Intake intake,
            org.pramaan.intake.MediaRepository media,
            org.pramaan.media.MediaLimits limits,
            Path uploadDir)
            implements Uploads.Spool {
        public Services {
            java.util.Objects.requireNonNull(intake, "intake");
            java.util.Objects.requireNonNull(media, "media");
            java.util.Objects.requireNonNull(limits, "limits");
            java.util.Objects.requireNonNull(uploadDir, "uploadDir");
        }
    }

    private final Services services;
    private final PrometheusMeterRegistry metrics;

    MediaRoutes(Services services, PrometheusMeterRegistry metrics) {
        this.services = services;
        this.metrics = metrics;
    }

    void submit(Context ctx) throws Exception {
        Path spool = null;
        try {
            spool = Uploads.spool(ctx, services);
            UploadContext uc = ctx.isMultipartFormData()
                    ? context(ctx.formParam("uploaderId"), ctx.formParam("externalId"), ctx.formParam("declaration"))
                    : context(
                            param(ctx, "uploaderId", "X-Uploader-Id"),
                            param(ctx, "externalId", "X-External-Id"),
                            param(ctx, "declaration", "X-Declaration"));
            // The upload's records and, for a request with an Idempotency-Key, its response commit together (issue 11
            // defect 9).
            byte[][] json = new byte[1][];
            MediaScreened r = services.intake()
                    .ingest(
                            spool,
                            uc,
                            res -> json[0] = Idempotency.storeInUnit(ctx, res.newMedia() ? 201 : 200, body(res)));
            HttpApi.counter(
                            metrics,
                            "pramaan_media_screened",
                            "decision",
                            r.report().decision().name(),
                            "tier",
                            r.report().assessment().tier().name())
                    .increment();
            ctx.status(r.newMedia() ? 201 : 200).contentType("application/json").result(json[0]);
        } catch (MediaRejectedException e) {
            HttpApi.counter(metrics, "pramaan_media_rejected", "code", e.code().code())
                    .increment();
            throw e;
        } finally {
            if (spool != null) Files.deleteIfExists(spool);
        }
    }

    private static Map<String, Object> body(MediaScreened r) {
        Map<String, Object> body = new LinkedHashMap<>(ScreeningView.report(r.report()));
        body.put("id", r.media().id());
        body.put("uploadId", r.upload().id());
        body.put("status", r.media().status().name());
        body.put("newMedia", r.newMedia());
        return body;
    }

    void get(Context ctx) {
        String id = ctx.pathParam("id");
        MediaRecord m = services.media()
                .find(id)
                .orElseThrow(() -> new ApiException(404, "media.not_found", "no media with id '" + id + "'"));
        Map<String, Object> body = new LinkedHashMap<>(ScreeningView.media(m));
        body.put(
                "uploads",
                services.media().uploads(id).stream()
                        .map(u -> {
                            Map<String, Object> um = new LinkedHashMap<>();
                            um.put("id", u.id());
                            um.put("at", u.at().toString());
                            u.uploaderId().ifPresent(v -> um.put("uploaderId", v));
                            u.externalId().ifPresent(v -> um.put("externalId", v));
                            u.declaration()
                                    .ifPresent(
                                            d -> um.put("declaration", d.synthetic() ? "synthetic" : "not_synthetic"));
                            um.put("decision", u.decision().name());
                            return um;
                        })
                        .toList());
        HttpApi.json(ctx, 200, body);
    }

    private static String param(Context ctx, String query, String header) {
        String q = ctx.queryParam(query);
        return q != null ? q : ctx.header(header);
    }

    private static UploadContext context(String uploaderId, String externalId, String declaration) {
        if (uploaderId != null) Requests.capped("uploaderId", uploaderId);
        if (externalId != null) Requests.capped("externalId", externalId);
        if (declaration != null) Requests.capped("declaration", declaration);
        return new UploadContext(
                nonBlank(uploaderId),
                nonBlank(externalId),
                nonBlank(declaration).map(UploaderDeclaration::parse));
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}

package org.pramaan.http;

import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.c2pa.C2paOutcome;

/**
 * {@code POST /v1/provenance/verify}: C2PA validation of an uploaded file, answered in the reference
 * SDK's manifest-store JSON so clients written against c2pa-rs read it unchanged. Validation
 * failures are results (200), not errors. Trust anchors come from {@code c2pa.trust-anchors}.
 */
public final class ProvenanceRoutes {
    /** {@code /v1/provenance/verify} and {@code /sign} ({@link ProvenanceSigning}): C2PA reader with the configured trust anchors, and the signer with the configured key (empty: signing answers 503). */
    public record Services(
            org.pramaan.provenance.c2pa.C2paReader c2pa,
            java.util.Optional<org.pramaan.provenance.c2pa.C2paSigner> signer,
            org.pramaan.audit.AuditLog audit,
            org.pramaan.media.MediaLimits limits,
            Path uploadDir,
            java.util.Optional<String> filingNumber,
            java.util.Optional<org.pramaan.labels.VideoLabelWriter> videoLabels,
            java.util.Optional<org.pramaan.labels.AudioLabelWriter> audioLabels,
            java.util.Optional<org.pramaan.labels.WebpEncoder> webp)
            implements Uploads.Spool {
        /** Without a WebP encoder: WebP labels are refused with 415. */
        public Services(
                org.pramaan.provenance.c2pa.C2paReader c2pa,
                java.util.Optional<org.pramaan.provenance.c2pa.C2paSigner> signer,
                org.pramaan.audit.AuditLog audit,
                org.pramaan.media.MediaLimits limits,
                Path uploadDir,
                java.util.Optional<String> filingNumber,
                java.util.Optional<org.pramaan.labels.VideoLabelWriter> videoLabels,
                java.util.Optional<org.pramaan.labels.AudioLabelWriter> audioLabels) {
            this(
                    c2pa,
                    signer,
                    audit,
                    limits,
                    uploadDir,
                    filingNumber,
                    videoLabels,
                    audioLabels,
                    java.util.Optional.empty());
        }

        /** Without an MP3/M4A prompt writer. */
        public Services(
                org.pramaan.provenance.c2pa.C2paReader c2pa,
                java.util.Optional<org.pramaan.provenance.c2pa.C2paSigner> signer,
                org.pramaan.audit.AuditLog audit,
                org.pramaan.media.MediaLimits limits,
                Path uploadDir,
                java.util.Optional<String> filingNumber,
                java.util.Optional<org.pramaan.labels.VideoLabelWriter> videoLabels) {
            this(c2pa, signer, audit, limits, uploadDir, filingNumber, videoLabels, java.util.Optional.empty());
        }

        /** Without a filing number ({@code labels.filing-number}). */
        public Services(
                org.pramaan.provenance.c2pa.C2paReader c2pa,
                java.util.Optional<org.pramaan.provenance.c2pa.C2paSigner> signer,
                org.pramaan.audit.AuditLog audit,
                org.pramaan.media.MediaLimits limits,
                Path uploadDir) {
            this(c2pa, signer, audit, limits, uploadDir, java.util.Optional.empty(), java.util.Optional.empty());
        }

        public Services {
            java.util.Objects.requireNonNull(filingNumber, "filingNumber");
            java.util.Objects.requireNonNull(videoLabels, "videoLabels");
            java.util.Objects.requireNonNull(audioLabels, "audioLabels");
            java.util.Objects.requireNonNull(webp, "webp");
            java.util.Objects.requireNonNull(c2pa, "c2pa");
            java.util.Objects.requireNonNull(signer, "signer");
            java.util.Objects.requireNonNull(audit, "audit");
            java.util.Objects.requireNonNull(limits, "limits");
            java.util.Objects.requireNonNull(uploadDir, "uploadDir");
        }
    }

    private final Services services;

    ProvenanceRoutes(Services services) {
        this.services = services;
    }

    void verify(Context ctx) throws Exception {
        Path spool = Uploads.spool(ctx, services);
        C2paOutcome o;
        try (MediaSource src = MediaSource.open(spool)) {
            o = services.c2pa().read(src);
        } finally {
            Files.deleteIfExists(spool);
        }
        if (o instanceof C2paOutcome.Read r) {
            ctx.status(200).contentType("application/json").result(r.report().json());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        switch (o) {
            case C2paOutcome.NoManifest n -> {
                body.put("outcome", "no_manifest");
                body.put("format", n.format());
            }
            case C2paOutcome.RemoteReference x -> {
                body.put("outcome", "remote_manifest");
                body.put("url", x.url());
                body.put("fetched", false);
                // As the reference reader (c2pa-rs, fetching off): RemoteManifestUrl(<url>) with this message.
                body.put("error_name", "manifest.remote");
                body.put("error", "must fetch remote manifests from url " + x.url());
            }
            case C2paOutcome.Unreadable u -> {
                body.put("outcome", "error");
                body.put("error_name", u.code());
                body.put("error", u.message());
            }
            case C2paOutcome.Read r -> throw new IllegalStateException("handled above");
        }
        HttpApi.json(ctx, 200, body);
    }
}

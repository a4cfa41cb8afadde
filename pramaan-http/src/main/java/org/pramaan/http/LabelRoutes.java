package org.pramaan.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.pramaan.access.Permission;
import org.pramaan.labels.LabelProfile;
import org.pramaan.labels.LabelProfiles;
import org.pramaan.labels.VisibleLabels;

/**
 * {@code POST /v1/labels/apply}: puts a bundled profile's visible label on the uploaded file (raw
 * body or multipart part {@code file}, optional part {@code icon}) and answers the labelled file in
 * the same format. A C2PA-signed upload is re-signed with the configured key only when the caller
 * may sign ({@code PROVENANCE_SIGN}); otherwise the answer says the old manifest no longer holds.
 * Profiles are the bundled ones: a client cannot hand the server a profile of its own.
 */
final class LabelRoutes {
    /** Labelling decodes the whole file in memory: far less than the upload limit for screening. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final ProvenanceRoutes.Services services;

    LabelRoutes(ProvenanceRoutes.Services services) {
        this.services = services;
    }

    void apply(Context ctx) throws Exception {
        long declared = ctx.contentLength();
        if (declared > MAX_BYTES + 64 * 1024)
            throw new ApiException(413, "media.too_large", "labelling takes files up to " + MAX_BYTES + " bytes");
        String profile = param(ctx, "profile")
                .orElseThrow(() -> new ApiException(
                        400, "request.invalid", "'profile' is required: one of " + LabelProfiles.BUNDLED));
        if (!LabelProfiles.BUNDLED.contains(profile.toUpperCase(Locale.ROOT)))
            throw new ApiException(
                    400, "request.invalid", "profile: '" + cut(profile) + "' is not one of " + LabelProfiles.BUNDLED);
        LabelProfile p = LabelProfiles.bundled(profile);
        Optional<LabelProfile.Position> position;
        try {
            position = param(ctx, "position").map(LabelProfile.Position::parse);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "request.invalid", e.getMessage());
        }
        Optional<byte[]> icon = Optional.empty();
        if (ctx.isMultipartFormData() && ctx.uploadedFile("icon") != null)
            icon = Optional.of(icon(ctx.uploadedFile("icon")));
        VisibleLabels.Request req = new VisibleLabels.Request(
                p, param(ctx, "lang").map(l -> l.toLowerCase(Locale.ROOT)), position, icon, services.filingNumber());
        Path spool = spool(ctx);
        byte[] file;
        try {
            // An audio-only MP4 with a generic isom/mp42 brand is audio too: its tracks are probed.
            if (isCompressedAudio(spool) || (isMp4(spool) && org.pramaan.labels.AudioLabelWriter.accepts(spool))) {
                audio(ctx, spool, req);
                return;
            }
            if (isMp4(spool)) {
                video(ctx, spool, req);
                return;
            }
            file = Files.readAllBytes(spool);
        } finally {
            Files.deleteIfExists(spool);
        }
        boolean maySign = HttpApi.principal(ctx).can(Permission.PROVENANCE_SIGN);
        VisibleLabels.Result r;
        try {
            r = VisibleLabels.apply(file, req, () -> maySign ? services.signer() : Optional.empty(), services.webp());
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("not supported yet")) throw new ApiException(415, "media.unsupported", m);
            if (m.startsWith("file:") || m.startsWith("audio:")) throw new ApiException(422, "media.malformed", m);
            throw new ApiException(400, "label.invalid", m);
        }
        ctx.header("Pramaan-Label-Profile", p.jurisdiction());
        r.image().ifPresent(d -> {
            ctx.header("Pramaan-Label-Text-Height", Integer.toString(d.glyphs().height));
            ctx.header("Pramaan-Label-Contrast", String.format(Locale.ROOT, "%.2f", d.contrast()));
        });
        if (r.carriedManifest()) ctx.header("Pramaan-C2PA", r.resigned() ? "resigned" : "invalidated");
        String type = switch (r.format()) {
            case "JPEG" -> "image/jpeg";
            case "PNG" -> "image/png";
            case "WAV" -> "audio/wav";
            case "WEBP" -> "image/webp";
            default -> "text/plain; charset=utf-8";
        };
        ctx.status(200).contentType(type).result(r.bytes());
    }

    private static Optional<String> param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if ((v == null || v.isBlank()) && ctx.isMultipartFormData()) v = ctx.formParam(name);
        if (v == null || v.isBlank()) return Optional.empty();
        if (v.length() > 64) throw new ApiException(400, "request.invalid", name + ": at most 64 characters");
        return Optional.of(v);
    }

    private static String cut(String s) {
        return s.length() > 16 ? s.substring(0, 16) + "…" : s;
    }

    private static byte[] icon(UploadedFile f) throws Exception {
        if (f.size() > 1024 * 1024) throw new ApiException(413, "media.too_large", "icon: at most 1 MiB");
        try (InputStream in = f.content()) {
            return in.readNBytes(1024 * 1024 + 1);
        }
    }

    private Path spool(Context ctx) throws Exception {
        if (ctx.isMultipartFormData()
                && ctx.uploadedFile("file") != null
                && ctx.uploadedFile("file").size() > MAX_BYTES)
            throw new ApiException(413, "media.too_large", "labelling takes files up to " + MAX_BYTES + " bytes");
        Path spool = Uploads.spool(ctx, services);
        if (Files.size(spool) > MAX_BYTES) {
            Files.deleteIfExists(spool);
            throw new ApiException(413, "media.too_large", "labelling takes files up to " + MAX_BYTES + " bytes");
        }
        return spool;
    }

    /** MP4/MOV through the ffmpeg-backed writer; the labelled file is read back and its temporary copy removed. */
    private void video(Context ctx, Path spool, VisibleLabels.Request req) throws Exception {
        org.pramaan.labels.VideoLabelWriter w = services.videoLabels()
                .orElseThrow(() -> new ApiException(
                        415, "media.unsupported", "video labels need ffmpeg with libx264 on the server's PATH"));
        Path out = spool.resolveSibling(spool.getFileName() + ".labelled.mp4");
        try {
            org.pramaan.labels.VideoLabelWriter.Result r;
            try {
                r = w.label(spool, out, req, Optional.empty());
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                if (m.startsWith("file:")) throw new ApiException(422, "media.malformed", m);
                throw new ApiException(400, "label.invalid", m);
            }
            ctx.header("Pramaan-Label-Profile", req.profile().jurisdiction());
            ctx.header("Pramaan-Label-Text-Height", Integer.toString(r.drawn().glyphs().height));
            ctx.header(
                    "Pramaan-Label-Contrast",
                    String.format(Locale.ROOT, "%.2f", r.drawn().contrast()));
            ctx.header("Pramaan-Label-Seconds", String.format(Locale.ROOT, "%.3f", r.labelSeconds()));
            // As for images: implicit labels back, and a signed upload re-signed when the caller may sign.
            boolean maySign = HttpApi.principal(ctx).can(Permission.PROVENANCE_SIGN);
            VisibleLabels.Finished done;
            try {
                done = VisibleLabels.finishVideo(
                        Files.readAllBytes(spool),
                        Files.readAllBytes(out),
                        () -> maySign ? services.signer() : Optional.empty());
            } catch (IllegalArgumentException e) {
                throw new ApiException(422, "media.malformed", String.valueOf(e.getMessage()));
            }
            if (done.carriedManifest()) ctx.header("Pramaan-C2PA", done.resigned() ? "resigned" : "invalidated");
            ctx.status(200).contentType("video/mp4").result(done.bytes());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** MP3 and M4A through the ffmpeg-backed prompt writer, answered in the input's format. */
    private void audio(Context ctx, Path spool, VisibleLabels.Request req) throws Exception {
        org.pramaan.labels.AudioLabelWriter w = services.audioLabels()
                .orElseThrow(() -> new ApiException(
                        415,
                        "media.unsupported",
                        "MP3 and M4A labels need ffmpeg with libmp3lame and aac on the server's PATH"));
        Path out = spool.resolveSibling(spool.getFileName() + ".labelled.audio");
        try {
            org.pramaan.labels.AudioLabelWriter.Result r;
            try {
                r = w.label(spool, out, req.profile(), req.lang());
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                if (m.startsWith("file:")) throw new ApiException(422, "media.malformed", m);
                throw new ApiException(400, "label.invalid", m);
            }
            ctx.header("Pramaan-Label-Profile", req.profile().jurisdiction());
            ctx.header(
                    "Pramaan-Label-Prompt-Seconds",
                    String.format(Locale.ROOT, "%.3f", r.placed().promptSeconds()));
            ctx.status(200)
                    .contentType(r.format().equals("MP3") ? "audio/mpeg" : "audio/mp4")
                    .result(Files.readAllBytes(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** An MP3 (ID3 tag or MPEG audio frame sync) or an MP4 with an audio major brand (M4A, M4B). */
    private static boolean isCompressedAudio(Path f) throws java.io.IOException {
        byte[] h = new byte[12];
        try (InputStream in = Files.newInputStream(f)) {
            if (in.readNBytes(h, 0, 12) < 12) return false;
        }
        if (h[0] == 'I' && h[1] == 'D' && h[2] == '3') return true;
        if ((h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0) return true;
        return h[4] == 'f'
                && h[5] == 't'
                && h[6] == 'y'
                && h[7] == 'p'
                && h[8] == 'M'
                && h[9] == '4'
                && (h[10] == 'A' || h[10] == 'B');
    }

    private static boolean isMp4(Path f) throws java.io.IOException {
        byte[] h = new byte[12];
        try (InputStream in = Files.newInputStream(f)) {
            if (in.readNBytes(h, 0, 12) < 12) return false;
        }
        return h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p';
    }
}

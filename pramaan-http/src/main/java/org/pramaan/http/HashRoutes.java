package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.banks.BankMatch;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.Dihedral;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.intake.Screener;
import org.pramaan.intake.ScreeningView;
import org.pramaan.media.MediaSource;

/** {@code POST /v1/hash} (file → every hash) and {@code POST /v1/match} (file or hashes → bank matches with numeric distances). */
public final class HashRoutes {
    /** {@code /v1/hash} and {@code /v1/match}: the screener's hashing and bank matching. */
    public record Services(Screener screener, org.pramaan.media.MediaLimits limits, Path uploadDir)
            implements Uploads.Spool {
        public Services {
            java.util.Objects.requireNonNull(screener, "screener");
            java.util.Objects.requireNonNull(limits, "limits");
            java.util.Objects.requireNonNull(uploadDir, "uploadDir");
        }
    }

    /** Frames one vPDQ query may carry: an hour at 1 frame/s is 3,600; every frame of an hour at 30 fps, 108,000. */
    static final int MAX_FRAMES = 120_000;

    private final Services services;

    HashRoutes(Services services) {
        this.services = services;
    }

    void hash(Context ctx) throws Exception {
        HttpApi.json(ctx, 200, view(hashFile(ctx)));
    }

    void match(Context ctx) throws Exception {
        if (ctx.contentType() != null && ctx.contentType().startsWith("application/json")) {
            HttpApi.json(ctx, 200, Map.of("results", matchHashes(ctx)));
            return;
        }
        Screener.HashReport r = hashFile(ctx);
        Map<String, Object> body = view(r);
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Screener.VariantMatch vm : services.screener().matchAllVariants(r)) {
            Map<String, Object> m = new LinkedHashMap<>(ScreeningView.match(vm.match()));
            m.put("variant", vm.variant().referenceName());
            matches.add(m);
        }
        body.put("matches", matches);
        HttpApi.json(ctx, 200, body);
    }

    private Screener.HashReport hashFile(Context ctx) throws Exception {
        Path spool = Uploads.spool(ctx, services);
        try (MediaSource src = MediaSource.open(spool)) {
            return services.screener().hashes(src);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Body {@code {"pdq":[{"hash":"…","quality":90}|"…"], "sha256":["…"]}}; a bare PDQ hash is taken at quality 100. */
    private List<Map<String, Object>> matchHashes(Context ctx) {
        JsonNode body = Requests.jsonObject(ctx);
        List<Map<String, Object>> results = new ArrayList<>();
        int i = 0;
        for (JsonNode q : body.path("pdq")) {
            String where = "pdq[" + i++ + "]";
            String hex = q.isTextual() ? q.asText() : q.path("hash").asText();
            int quality = q.isTextual() ? 100 : Requests.intField(q, "quality", where + ".quality", 100, 0, 100);
            if (!org.pramaan.limits.PlainText.isHex(hex, 64, false))
                throw new ApiException(
                        400, "request.invalid", where + ": '" + hex + "' is not a 64-digit hex PDQ hash");
            if (quality < 0 || quality > 100)
                throw new ApiException(400, "request.invalid", where + ": quality must be 0..100");
            results.add(result(
                    "pdq",
                    hex.toLowerCase(java.util.Locale.ROOT),
                    services.screener()
                            .matchHashes(Optional.empty(), Optional.of(new PdqResult(Hash256.fromHex(hex), quality)))));
        }
        i = 0;
        for (JsonNode q : body.path("sha256")) {
            String hex = q.asText().toLowerCase(java.util.Locale.ROOT);
            if (!org.pramaan.limits.PlainText.isHex(hex, 64, true))
                throw new ApiException(
                        400, "request.invalid", "sha256[" + i + "]: '" + q.asText() + "' is not a SHA-256 hex digest");
            i++;
            results.add(result("sha256", hex, services.screener().matchHashes(Optional.of(hex), Optional.empty())));
        }
        av(body, results);
        if (results.isEmpty())
            throw new ApiException(
                    400, "request.invalid", "give 'pdq', 'sha256', 'vpdq' and/or 'audio' arrays of hashes to match");
        return results;
    }

    /** {@code "vpdq": [["frameNumber,quality,hash,timestamp", …] per video]}, {@code "audio": ["<base64 fingerprint>", …]}. */
    private void av(JsonNode body, List<Map<String, Object>> results) {
        int i = 0;
        for (JsonNode video : body.path("vpdq")) {
            String where = "vpdq[" + i++ + "]";
            if (!video.isArray() || video.size() > MAX_FRAMES)
                throw new ApiException(
                        400,
                        "request.invalid",
                        where + ": give an array of at most " + MAX_FRAMES
                                + " 'frameNumber,quality,hash,timestamp' lines");
            List<VpdqFrame> frames = new ArrayList<>();
            for (JsonNode line : video) {
                try {
                    frames.add(VpdqFrame.parseReferenceLine(line.asText()));
                } catch (IllegalArgumentException e) {
                    throw new ApiException(
                            400, "request.invalid", where + "[" + frames.size() + "]: " + e.getMessage());
                }
            }
            results.add(result(
                    "vpdq",
                    frames.size() + " frames",
                    services.screener().matchHashes(new AvHashes(frames, Optional.empty(), List.of()))));
        }
        i = 0;
        for (JsonNode a : body.path("audio")) {
            String where = "audio[" + i++ + "]";
            AudioFingerprint fp;
            try {
                fp = AudioFingerprint.fromBase64(a.asText());
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "request.invalid", where + ": " + e.getMessage());
            }
            results.add(result(
                    "audio",
                    fp.count() + " sub-fingerprints",
                    services.screener().matchHashes(new AvHashes(List.of(), Optional.of(fp), List.of()))));
        }
    }

    private static Map<String, Object> result(String type, String hash, List<BankMatch> matches) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signalType", type);
        m.put("hash", hash);
        m.put("matches", matches.stream().map(ScreeningView::match).toList());
        return m;
    }

    private static Map<String, Object> view(Screener.HashReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mediaType", r.info().type().mimeType());
        m.put("sha256", r.digests().sha256());
        m.put("md5", r.digests().md5());
        r.pdq().ifPresent(d -> {
            m.put("pdq", Map.of("hash", d.get(Dihedral.ORIG).toHex(), "quality", d.quality()));
            Map<String, String> dih = new LinkedHashMap<>();
            for (Dihedral v : Dihedral.values())
                dih.put(v.referenceName(), d.get(v).toHex());
            m.put("pdqDihedral", dih);
        });
        ScreeningView.av(m, r.av()); // vpdq frames, audio fingerprint, and why either is missing
        return m;
    }
}

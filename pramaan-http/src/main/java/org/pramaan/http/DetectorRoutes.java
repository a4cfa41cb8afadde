package org.pramaan.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pramaan.detect.LabelExport;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.ManifestView;
import org.pramaan.detect.ReviewLabels;

/**
 * {@code GET /v1/detectors} (issue 16): the detector models this deployment loaded, each with its
 * whole manifest (weights hash, licence, input spec, calibration, intended use, known failure
 * modes), and those it refused with the reason, so reviewers can see what a score rests on.
 */
public final class DetectorRoutes {
    /**
     * @param detectors  what the models folder gave ({@link LoadedDetectors#none()} when none is configured)
     * @param configured whether {@code detect.models-dir} is set
     */
    public record Services(
            LoadedDetectors detectors,
            boolean configured,
            java.util.Optional<ReviewLabels> labels,
            java.util.Optional<org.pramaan.likeness.ProtectedPersonRegistry> persons) {
        public Services {
            Objects.requireNonNull(detectors, "detectors");
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(persons, "persons");
        }

        /** Without reviewer labels: {@code GET /v1/detectors/{id}/labels} answers 503. */
        public Services(LoadedDetectors detectors, boolean configured, java.util.Optional<ReviewLabels> labels) {
            this(detectors, configured, labels, java.util.Optional.empty());
        }

        /** Without reviewer labels or the protected-persons registry ({@code /v1/persons} answers 503). */
        public Services(LoadedDetectors detectors, boolean configured) {
            this(detectors, configured, java.util.Optional.empty());
        }

        /** The same with the store's reviewer labels (issue 16). */
        public Services withLabels(ReviewLabels l) {
            return new Services(detectors, configured, java.util.Optional.of(l), persons);
        }

        /** No models folder: the route answers with empty lists. */
        public static Services none() {
            return new Services(LoadedDetectors.none(), false);
        }
    }

    private final Services services;

    DetectorRoutes(Services services) {
        this.services = services;
    }

    void list(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("configured", services.configured());
        body.put(
                "detectors",
                java.util.stream.Stream.concat(
                                services.detectors().detectors().stream().map(d -> d.manifest()),
                                // Face-embedding models (the likeness registry's) are listed beside the detectors.
                                java.util.stream.Stream.concat(
                                        services.detectors().embedders().stream()
                                                .map(e -> e.manifest()),
                                        // and speaker-embedding models (voice likeness, issue 16)
                                        services.detectors().voices().stream().map(v -> v.manifest())))
                        .map(ManifestView::of)
                        .toList());
        body.put(
                "refused",
                services.detectors().refused().stream()
                        .map(r -> Map.of("file", r.file(), "code", r.code(), "message", r.message()))
                        .toList());
        HttpApi.json(ctx, 200, body);
    }

    /**
     * {@code GET /v1/detectors/{id}/labels?version=&since=}: reviewers' findings on this model's scores as the CSV
     * {@code pramaan detect calibrate|evaluate} read (issue 16), unsure findings left out; the counts are in headers.
     */
    void labels(Context ctx) {
        ReviewLabels labels = services.labels()
                .orElseThrow(
                        () -> new ApiException(503, "detect.labels_unavailable", "reviewer labels are not kept here"));
        String id = ctx.pathParam("id");
        if (id.length() > MAX_ID)
            throw new org.pramaan.errors.Invalid("id", "a model id is at most " + MAX_ID + " characters");
        java.util.Optional<String> version =
                java.util.Optional.ofNullable(ctx.queryParam("version")).filter(v -> !v.isBlank());
        if (version.isPresent() && version.get().length() > MAX_ID)
            throw new org.pramaan.errors.Invalid("version", "a model version is at most " + MAX_ID + " characters");
        java.util.Optional<java.time.Instant> since = java.util.Optional.ofNullable(ctx.queryParam("since"))
                .filter(v -> !v.isBlank())
                .map(LabelExport::since);
        LabelExport e = LabelExport.of(labels.forModel(id, version, since, ReviewLabels.MAX_EXPORT));
        ctx.header("X-Pramaan-Synthetic", Integer.toString(e.synthetic()));
        ctx.header("X-Pramaan-Authentic", Integer.toString(e.authentic()));
        ctx.header("X-Pramaan-Unsure", Integer.toString(e.unsure()));
        ctx.status(200).contentType("text/csv; charset=utf-8").result(e.csv());
    }

    private static final int MAX_ID = 256;
}

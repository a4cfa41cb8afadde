package org.pramaan.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.ManifestView;

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
            java.util.Optional<org.pramaan.likeness.ProtectedPersonRegistry> persons) {
        public Services {
            Objects.requireNonNull(detectors, "detectors");
            Objects.requireNonNull(persons, "persons");
        }

        /** Models without the protected-persons registry ({@code /v1/persons} answers 503). */
        public Services(LoadedDetectors detectors, boolean configured) {
            this(detectors, configured, java.util.Optional.empty());
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
                                services.detectors().embedders().stream().map(e -> e.manifest()))
                        .map(ManifestView::of)
                        .toList());
        body.put(
                "refused",
                services.detectors().refused().stream()
                        .map(r -> Map.of("file", r.file(), "code", r.code(), "message", r.message()))
                        .toList());
        HttpApi.json(ctx, 200, body);
    }
}

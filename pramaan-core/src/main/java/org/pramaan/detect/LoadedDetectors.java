package org.pramaan.detect;

import java.util.List;

/** What a models folder gave: the models that loaded and those refused, each with its reason. */
public record LoadedDetectors(List<Detector> detectors, List<RefusedModel> refused) implements AutoCloseable {
    public LoadedDetectors {
        detectors = List.copyOf(detectors);
        refused = List.copyOf(refused);
    }

    /** No models folder configured: nothing loaded, nothing refused. */
    public static LoadedDetectors none() {
        return new LoadedDetectors(List.of(), List.of());
    }

    @Override
    public void close() {
        for (Detector d : detectors) d.close();
    }
}

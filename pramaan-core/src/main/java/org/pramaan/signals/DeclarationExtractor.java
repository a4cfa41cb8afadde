package org.pramaan.signals;

import java.util.List;
import java.util.Map;

/**
 * The uploader's own statement on the upload form (IT Rules r.4(1A): platforms ask users to
 * declare synthetically generated content; CN Labeling Measures art.10). MODERATE: the uploader
 * may be wrong or lying either way.
 */
public final class DeclarationExtractor implements SignalExtractor {
    @Override
    public List<Signal> extract(SignalInput input) {
        return input.declaration()
                .map(d -> List.of(new Signal(
                        SignalType.UPLOADER_DECLARATION,
                        d.synthetic() ? "synthetic" : "not_synthetic",
                        SignalStrength.MODERATE,
                        "upload form",
                        d.statement().isEmpty() ? Map.of() : Map.of("statement", d.statement()))))
                .orElse(List.of());
    }
}

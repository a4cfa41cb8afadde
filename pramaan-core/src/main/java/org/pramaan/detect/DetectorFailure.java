package org.pramaan.detect;

import java.util.Objects;

/**
 * A model could not be loaded or could not score an item. Expected (a corrupt file, weights that do
 * not match the manifest, a run past its time limit): the item falls back to the other signals and
 * the failure is reported, it never stops screening.
 *
 * <p>Codes: {@code detect.manifest_invalid}, {@code detect.weights_missing},
 * {@code detect.weights_mismatch}, {@code detect.model_corrupt}, {@code detect.input_spec},
 * {@code detect.run_failed}, {@code detect.timeout}.
 */
public final class DetectorFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public DetectorFailure(String code, String message) {
        this(code, message, null);
    }

    public DetectorFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Stable, dotted: {@code detect.<problem>}. */
    public String code() {
        return code;
    }
}

package org.pramaan.cases;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened on a case, in past tense: {@code opened}, {@code escalated},
 * {@code breached}, {@code clock_stopped}, {@code action_taken}.
 */
public record CaseEvent(String type, Instant at, Map<String, String> details) {
    public CaseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        details = Map.copyOf(details);
    }
}

package org.pramaan.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the headers of an accepted file say, read before any decoding.
 *
 * @param type       the sniffed type
 * @param sizeBytes  file size
 * @param dimensions image or video frame size, when the header states it
 * @param duration   audio or video duration, when the header states it
 */
public record MediaInfo(MediaType type, long sizeBytes, Optional<Dimensions> dimensions, Optional<Duration> duration) {
    public MediaInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(duration, "duration");
    }

    public MediaKind kind() {
        return type.kind();
    }
}

package org.pramaan.cases;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A notice as submitted.
 *
 * @param noticeType rule-pack notice type id, e.g. {@code IN_3_2_B_COMPLAINT}
 * @param mediaId    the targeted media (its SHA-256)
 * @param fields     everything else the notifier gave (issuer, URLs, legal basis, …)
 * @param receivedAt when it actually reached the platform, if earlier than its arrival here
 */
public record NoticeRequest(
        String noticeType, String mediaId, Map<String, String> fields, Optional<Instant> receivedAt) {
    public NoticeRequest {
        Objects.requireNonNull(noticeType, "noticeType");
        Objects.requireNonNull(mediaId, "mediaId");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

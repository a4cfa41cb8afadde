package org.pramaan.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.audit.AuditEntry;
import org.pramaan.json.Json;

/** Which topic and key an audit entry goes to, and what a consumer reads (issue 15). */
class KafkaEventFeedRoutingTest {
    final KafkaEventFeed.Settings s =
            new KafkaEventFeed.Settings("b:9092", "acme", 3, (short) 1, Duration.ofMillis(50));

    @Test
    void mediaAndCaseSubjectsGoToTheirTopicsKeyedByIdAndEverythingElseToAudit() {
        assertThat(KafkaEventFeed.route(s, "media:8f2c")).isEqualTo(Map.entry("acme.media", "8f2c"));
        assertThat(KafkaEventFeed.route(s, "case:IN-2026-0001")).isEqualTo(Map.entry("acme.cases", "IN-2026-0001"));
        assertThat(KafkaEventFeed.route(s, "key:ab12")).isEqualTo(Map.entry("acme.audit", "key:ab12"));
        assertThat(KafkaEventFeed.route(s, "audit:triggers")).isEqualTo(Map.entry("acme.audit", "audit:triggers"));
        assertThat(KafkaEventFeed.route(s, "no-colon")).isEqualTo(Map.entry("acme.audit", "no-colon"));
        // Only the first colon separates the kind: an id may hold colons.
        assertThat(KafkaEventFeed.route(s, "media:a:b")).isEqualTo(Map.entry("acme.media", "a:b"));
    }

    @Test
    void theEventIsTheChainEntryWithItsDetailsAsJson() throws Exception {
        AuditEntry sealed = seal(new AuditEntry(
                7,
                Instant.parse("2026-12-05T10:00:00Z"),
                "case.escalated",
                "case:c1",
                "{\"level\":2}",
                "a".repeat(64),
                ""));
        JsonNode v = Json.mapper().readTree(KafkaEventFeed.value(sealed));
        assertThat(v.path("seq").asLong()).isEqualTo(7);
        assertThat(v.path("at").asText()).isEqualTo("2026-12-05T10:00:00Z");
        assertThat(v.path("type").asText()).isEqualTo("case.escalated");
        assertThat(v.path("subject").asText()).isEqualTo("case:c1");
        assertThat(v.path("details").path("level").asInt()).isEqualTo(2);
        assertThat(v.path("prevHash").asText()).isEqualTo("a".repeat(64));
        assertThat(v.path("hash").asText()).isEqualTo(sealed.hash());
        // A consumer can check the event against the chain: the entry rebuilt from it has the same hash.
        AuditEntry rebuilt = new AuditEntry(
                v.path("seq").asLong(),
                Instant.parse(v.path("at").asText()),
                v.path("type").asText(),
                v.path("subject").asText(),
                Json.write(v.path("details")),
                v.path("prevHash").asText(),
                v.path("hash").asText());
        assertThat(rebuilt.expectedHash()).isEqualTo(sealed.hash());
    }

    private static AuditEntry seal(AuditEntry e) {
        return new AuditEntry(e.seq(), e.at(), e.type(), e.subject(), e.details(), e.prevHash(), e.expectedHash());
    }
}

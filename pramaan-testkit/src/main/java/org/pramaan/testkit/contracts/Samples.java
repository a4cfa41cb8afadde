package org.pramaan.testkit.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Reason;
import org.pramaan.assessment.Tier;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseState;
import org.pramaan.decision.Decision;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaStatus;
import org.pramaan.media.Dimensions;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaType;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

/** Fully populated sample values, so contract round-trips exercise every field. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private Samples() {}

    static MediaRecord media(String id) {
        return new MediaRecord(
                id,
                "0".repeat(32),
                new MediaInfo(
                        MediaType.JPEG,
                        12345,
                        Optional.of(new Dimensions(640, 480)),
                        Optional.of(Duration.ofMillis(1500))),
                Optional.of(new PdqResult(Hash256.fromHex("f".repeat(32) + "0".repeat(32)), 87)),
                List.of(new Signal(
                        SignalType.IPTC_DIGITAL_SOURCE_TYPE,
                        "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                        SignalStrength.STRONG,
                        "JPEG APP1 XMP @ offset 20",
                        Map.of("code", "trainedAlgorithmicMedia"))),
                new Assessment(
                        Tier.CONFIRMED_SYNTHETIC, List.of(new Reason("iptc.digital_source_type", "found", List.of(0)))),
                Decision.LABEL,
                List.of(new Reason("policy.tier", "label", List.of())),
                MediaStatus.LABELLED,
                true,
                T0,
                T0.plusSeconds(5));
    }

    static CaseFile openCase(String id, Instant received, Duration clock) {
        return new CaseFile(
                id,
                "IN_3_2_B_COMPLAINT",
                "IN",
                "IT Rules r.3(2)(b)",
                "a".repeat(64),
                received,
                Map.of("complainant", "self", "url", "https://example.org/p/1"),
                List.of(new CaseClock(
                        "remove", "two hours", received, received.plus(clock), List.of(0.5, 0.75), Optional.empty())),
                CaseState.OPEN,
                Optional.empty(),
                List.of(new CaseEvent.Opened(received, Map.of("noticeType", "IN_3_2_B_COMPLAINT"))),
                List.of("issuer_rank"),
                true,
                false);
    }

    /**
     * The stored name of every kind of case event, as the SQLite rows and the wire have always
     * carried them; {@link #everyEvent} makes one of each, and a test checks the list covers every
     * permitted {@link CaseEvent} record, so a new kind cannot skip the round trips.
     */
    static final List<String> EVENT_WIRE_NAMES = List.of(
            "opened",
            "information_requested",
            "routed_to_legal_review",
            "fields_supplied",
            "notice_completed",
            "escalated",
            "breached",
            "action_taken",
            "statement_of_reasons",
            "clock_stopped",
            "identical_copies_removed",
            "repeat_infringer_flagged",
            "account_warned",
            "account_suspended",
            "appeal_received",
            "appeal_decided",
            "resurfaced",
            "assigned",
            "unassigned",
            "escalated_to_senior",
            "quality_reviewed",
            "likeness_matched");

    /** One event of each kind, a second apart, each with attributes that need escaping. */
    static List<CaseEvent> everyEvent(Instant from) {
        List<CaseEvent> all = new java.util.ArrayList<>();
        for (int i = 0; i < EVENT_WIRE_NAMES.size(); i++) {
            String name = EVENT_WIRE_NAMES.get(i);
            Map<String, String> details = name.equals("action_taken")
                    ? Map.of("action", "REMOVE", "actor", "key:abc123", "note", "quote \" and line\nbreak")
                    : Map.of("n", Integer.toString(i), "text", "\u00e9 \"quoted\" \\ " + name);
            all.add(CaseEvent.of(name, from.plusSeconds(i).plusNanos(1000), details));
        }
        return List.copyOf(all);
    }

    static CaseFile closed(CaseFile c, Instant at) {
        return new CaseFile(
                c.id(),
                c.noticeType(),
                c.jurisdiction(),
                c.article(),
                c.mediaId(),
                c.receivedAt(),
                c.notice(),
                c.clocks().stream()
                        .map(k -> new CaseClock(
                                k.name(), k.source(), k.startedAt(), k.dueAt(), k.escalateAt(), Optional.of(at)))
                        .toList(),
                CaseState.CLOSED,
                Optional.of(CaseAction.REMOVE),
                c.events(),
                c.missingFields(),
                c.legalReview(),
                c.awaitingInformation());
    }
}

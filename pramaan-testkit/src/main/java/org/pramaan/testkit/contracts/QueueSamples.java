package org.pramaan.testkit.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.NoticeFields;

/** Cases for the queue contract: ties on deadlines, jurisdictions that differ only in case, assignment histories. */
final class QueueSamples {
    /** Deadlines fall on whole minutes after T0 plus one of {@link #NANOS}; now sits at 500 ns into minute 90. */
    static final Instant NOW = Samples.T0.plus(Duration.ofMinutes(90)).plusNanos(500);

    private static final long[] NANOS = {0, 1, 499, 500, 501, 999_999, 250_000_000};
    private static final String[] TYPES = {"A", "B", "C", "D"};
    // "İN" and "ın" equal "IN" ignoring case (Java folds U+0130 and U+0131 to i/I); a store must agree.
    private static final String[] JURISDICTIONS = {"IN", "in", "In", "EU", "eu", "\u0130N", "\u0131n", "US"};
    private static final String[] PEOPLE = {"user:asha", "user:bilal", "key:k1"};

    static final List<Optional<String>> JURISDICTION_FILTERS =
            List.of(Optional.empty(), Optional.of("in"), Optional.of("EU"), Optional.of("xx"));
    static final List<Optional<CaseQueue.State>> STATE_FILTERS = List.of(
            Optional.empty(),
            Optional.of(CaseQueue.State.LEGAL_REVIEW),
            Optional.of(CaseQueue.State.AWAITING_INFORMATION),
            Optional.of(CaseQueue.State.BREACHED));
    static final List<Optional<CaseQueue.Assignment>> ASSIGNMENT_FILTERS = List.of(
            Optional.empty(),
            Optional.of(new CaseQueue.Assignment.Unassigned()),
            Optional.of(new CaseQueue.Assignment.To("user:asha")),
            Optional.of(new CaseQueue.Assignment.To("user:senior")));
    static final List<Optional<Instant>> DUE_BY = List.of(
            Optional.empty(),
            Optional.of(Samples.T0.plus(Duration.ofMinutes(60)).plusNanos(500)),
            Optional.of(Instant.MAX));

    private QueueSamples() {}

    /** An open case with one running clock due at {@code due}. */
    static CaseFile open(
            String id, String type, String jurisdiction, Instant due, boolean trusted, Optional<String> assignee) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent.Opened(Samples.T0, Map.of("noticeType", type)));
        assignee.ifPresent(a -> events.add(new CaseEvent.Assigned(Samples.T0, Map.of("assignee", a))));
        Map<String, String> notice = trusted ? Map.of(NoticeFields.TRUSTED_FLAGGER, "true") : Map.of();
        return new CaseFile(
                id,
                type,
                jurisdiction,
                "art",
                "a".repeat(64),
                Samples.T0,
                notice,
                List.of(new CaseClock("remove", "rule", Samples.T0, due, List.of(0.5), Optional.empty())),
                CaseState.OPEN,
                Optional.empty(),
                events,
                List.of(),
                false,
                false);
    }

    /** {@code n} cases, about one in ten closed, saved in an order unrelated to their ids. */
    static List<CaseFile> random(Random r, int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(i);
        Collections.shuffle(ids, r);
        List<Instant> deadlines = new ArrayList<>();
        List<CaseFile> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<CaseClock> clocks = new ArrayList<>();
            int count = r.nextInt(4); // none: no running clock, sorted last
            for (int k = 0; k < count; k++) {
                Instant due = !deadlines.isEmpty() && r.nextInt(4) == 0
                        ? deadlines.get(r.nextInt(deadlines.size())) // the exact same deadline as another case
                        : deadline(r);
                deadlines.add(due);
                Optional<Instant> stopped = r.nextInt(5) == 0 ? Optional.of(Samples.T0) : Optional.empty();
                clocks.add(new CaseClock("c" + k, "rule", due.minus(Duration.ofHours(3)), due, List.of(0.5), stopped));
            }
            Map<String, String> notice = new HashMap<>();
            switch (r.nextInt(4)) {
                case 0 -> notice.put(NoticeFields.TRUSTED_FLAGGER, "true");
                case 1 -> notice.put(NoticeFields.TRUSTED_FLAGGER, "TRUE");
                case 2 -> notice.put(NoticeFields.TRUSTED_FLAGGER, "false");
                default -> {}
            }
            List<CaseEvent> events = new ArrayList<>();
            events.add(new CaseEvent.Opened(Samples.T0, Map.of("noticeType", "x")));
            events.addAll(assignments(r));
            boolean closed = r.nextInt(10) == 0;
            out.add(new CaseFile(
                    String.format(java.util.Locale.ROOT, "Q-%04d", ids.get(i)),
                    TYPES[r.nextInt(TYPES.length)],
                    JURISDICTIONS[r.nextInt(JURISDICTIONS.length)],
                    "art",
                    "a".repeat(64),
                    Samples.T0,
                    notice,
                    clocks,
                    closed ? CaseState.CLOSED : CaseState.OPEN,
                    closed ? Optional.of(CaseAction.REMOVE) : Optional.empty(),
                    events,
                    List.of(),
                    r.nextBoolean(),
                    r.nextInt(3) == 0));
        }
        return out;
    }

    /** {@code c} with more assignment events: a later save changes who holds it. */
    static CaseFile reassigned(CaseFile c, Random r) {
        List<CaseEvent> events = new ArrayList<>(c.events());
        List<CaseEvent> more = assignments(r);
        events.addAll(more.isEmpty() ? List.of(new CaseEvent.Unassigned(Samples.T0, Map.of("by", "user:x"))) : more);
        return new CaseFile(
                c.id(),
                c.noticeType(),
                c.jurisdiction(),
                c.article(),
                c.mediaId(),
                c.receivedAt(),
                c.notice(),
                c.clocks(),
                c.state(),
                c.outcome(),
                events,
                c.missingFields(),
                c.legalReview(),
                c.awaitingInformation());
    }

    /**
     * Instants where a store's arithmetic could differ from {@link Instant}'s: a nanosecond either side of now and of
     * the due-by filter, bucket edges (a 5-minute boundary, and either side of the epoch, where integer division
     * rounds towards zero instead of down).
     */
    private static final List<Instant> EDGES = List.of(
            NOW,
            NOW.minusNanos(1),
            NOW.plusNanos(1),
            NOW.minusMillis(1),
            DUE_BY.get(1).orElseThrow(),
            DUE_BY.get(1).orElseThrow().minusNanos(1),
            DUE_BY.get(1).orElseThrow().plusNanos(1),
            Instant.parse("2026-03-01T11:45:00Z"),
            Instant.parse("2026-03-01T11:45:00Z").minusNanos(1),
            Instant.EPOCH,
            Instant.EPOCH.minusMillis(1),
            Instant.EPOCH.plusMillis(1),
            Instant.EPOCH.minusSeconds(300),
            Instant.EPOCH.minusSeconds(300).minusMillis(1),
            Instant.EPOCH.minusSeconds(300).plusMillis(1));

    /** Minutes after T0 (about 3 hours either side of now), an edge, or, now and then, decades before the epoch. */
    private static Instant deadline(Random r) {
        if (r.nextInt(4) == 0) return EDGES.get(r.nextInt(EDGES.size()));
        Instant base = r.nextInt(12) == 0
                ? Instant.EPOCH.minusSeconds(61L * r.nextInt(40) + 2_000_000_000L)
                : Samples.T0.plus(Duration.ofMinutes(r.nextInt(180)));
        return base.plusNanos(NANOS[r.nextInt(NANOS.length)]);
    }

    private static List<CaseEvent> assignments(Random r) {
        List<CaseEvent> out = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0, 1 ->
                    out.add(new CaseEvent.Assigned(
                            Samples.T0, Map.of("assignee", PEOPLE[r.nextInt(PEOPLE.length)], "by", "user:lead")));
                case 2 ->
                    out.add(new CaseEvent.EscalatedToSenior(
                            Samples.T0, Map.of("to", "user:senior", "by", "user:asha")));
                default -> out.add(new CaseEvent.Unassigned(Samples.T0, Map.of("by", "user:lead")));
            }
        }
        return out;
    }
}

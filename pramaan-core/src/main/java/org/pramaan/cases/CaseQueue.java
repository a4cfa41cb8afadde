package org.pramaan.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;

/**
 * The console's queues: open cases filtered by jurisdiction, notice type, state and assignment, in
 * {@link CaseService#queue}'s order (filters only remove cases, never reorder); and the cases with an
 * appeal awaiting a decision. A page of the queue is one store query ({@link CaseRepository#queue});
 * the case rows carry their events, so nothing is loaded per case (no N+1).
 */
public final class CaseQueue {
    /** Closed cases scanned for pending appeals, newest first: appeals are accepted within the pack's window (months), so recent closures hold them. */
    public static final int APPEAL_SCAN = 10_000;

    /** A case's state as the queue filters it. */
    public enum State {
        /** Routed to legal review (its clocks run). */
        LEGAL_REVIEW,
        /** Waiting for the notifier's missing fields (no clock runs). */
        AWAITING_INFORMATION,
        /** A running clock passed its deadline. */
        BREACHED
    }

    /** Whose cases: the viewer's, no one's, or a named person's ({@code key:<id>} / {@code user:<name>}). */
    public sealed interface Assignment {
        record ToMe() implements Assignment {}

        record Unassigned() implements Assignment {}

        record To(String person) implements Assignment {
            public To {
                Objects.requireNonNull(person, "person");
            }
        }
    }

    /** Filters, all optional and combined with AND. */
    public record Filter(
            Optional<String> jurisdiction,
            Optional<String> noticeType,
            Optional<State> state,
            Optional<Assignment> assigned,
            Optional<Duration> dueWithin) {
        public static final Filter ALL =
                new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Filter {
            Objects.requireNonNull(jurisdiction, "jurisdiction");
            Objects.requireNonNull(noticeType, "noticeType");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(assigned, "assigned");
            Objects.requireNonNull(dueWithin, "dueWithin");
        }
    }

    private final CaseService cases;

    public CaseQueue(CaseService cases) {
        this.cases = Objects.requireNonNull(cases, "cases");
    }

    /**
     * Open cases matching {@code filter}, most urgent first; {@code viewer} is who "assigned to me" means. Reads every
     * open case and filters and sorts them in memory: the reference {@link #page} is checked against, and what the
     * overview (which counts every open case) uses.
     */
    public List<CaseFile> open(Filter filter, Actor viewer) {
        return query(filter, viewer, 0, Integer.MAX_VALUE).page(cases.open()).cases();
    }

    /**
     * One page of {@link #open}: the same cases in the same order, with the total that match, answered by the case
     * store from its indexes so only the page's cases are read (the console's queue page at 10,000 open cases).
     */
    public QueueQuery.Page page(Filter filter, Actor viewer, int offset, int limit) {
        return cases.ledger.cases.queue(query(filter, viewer, offset, limit));
    }

    private QueueQuery query(Filter filter, Actor viewer, int offset, int limit) {
        Optional<Assignment> who =
                filter.assigned().map(a -> a instanceof Assignment.ToMe ? new Assignment.To(viewer.wireName()) : a);
        return cases.query(
                filter.jurisdiction(), filter.dueWithin(), filter.noticeType(), filter.state(), who, offset, limit);
    }

    /** Cases (open or closed) with an appeal awaiting a decision, the longest waiting first. */
    public List<CaseFile> appeals() {
        java.util.Map<String, CaseFile> found = new java.util.LinkedHashMap<>();
        for (CaseFile c : cases.open()) if (Appeals.pending(c)) found.put(c.id(), c);
        for (CaseFile c : cases.closed(APPEAL_SCAN)) if (Appeals.pending(c)) found.putIfAbsent(c.id(), c);
        return found.values().stream()
                .sorted(Comparator.comparing(CaseQueue::appealedAt))
                .toList();
    }

    /** When the pending appeal arrived. */
    static Instant appealedAt(CaseFile c) {
        for (int i = c.events().size() - 1; i >= 0; i--)
            if (c.events().get(i) instanceof CaseEvent.AppealReceived a) return a.at();
        return Instant.MAX;
    }
}

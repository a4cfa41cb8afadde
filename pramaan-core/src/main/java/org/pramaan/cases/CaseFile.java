package org.pramaan.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A notice and everything done about it.
 *
 * @param id            tracking number given to the notifier (IT Rules r.4(6))
 * @param noticeType    rule-pack notice type id
 * @param jurisdiction  rule pack
 * @param article       the provision the notice falls under
 * @param mediaId       the content it targets
 * @param receivedAt    receipt time; every clock runs from here
 * @param notice        the notice's fields as submitted
 * @param clocks        statutory clocks
 * @param state         open or closed
 * @param outcome       the action that settled it
 * @param events        history, oldest first
 * @param missingFields required notice fields that were absent
 * @param legalReview   routed to legal review (the clock keeps running)
 * @param awaitingInformation no clock runs until the notifier supplies the missing fields
 */
public record CaseFile(
        String id,
        String noticeType,
        String jurisdiction,
        String article,
        String mediaId,
        Instant receivedAt,
        Map<String, String> notice,
        List<CaseClock> clocks,
        CaseState state,
        Optional<CaseAction> outcome,
        List<CaseEvent> events,
        List<String> missingFields,
        boolean legalReview,
        boolean awaitingInformation) {
    public CaseFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(noticeType, "noticeType");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        notice = Map.copyOf(notice);
        clocks = List.copyOf(clocks);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outcome, "outcome");
        events = List.copyOf(events);
        missingFields = missingFields == null ? List.of() : List.copyOf(missingFields);
    }

    /** The earliest deadline among running clocks. */
    public Optional<Instant> nextDeadline() {
        return clocks.stream().filter(CaseClock::running).map(CaseClock::dueAt).min(Instant::compareTo);
    }

    /** When the clock checker next has something to fire for this case: an unfired escalation or breach. */
    public Optional<Instant> nextEventDue() {
        Optional<Instant> next = Optional.empty();
        for (CaseClock k : clocks) {
            if (!k.running()) continue;
            for (double f : k.escalateAt()) {
                if (!hasEvent(CaseEvent.Escalated.class, k.name(), Math.round(f * 100) + "%"))
                    next = earlier(next, k.escalationDue(f));
            }
            if (!hasEvent(CaseEvent.Breached.class, k.name(), null)) next = earlier(next, k.dueAt());
        }
        return state == CaseState.OPEN ? next : Optional.empty();
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Instant b) {
        return Optional.of(a.map(x -> x.isBefore(b) ? x : b).orElse(b));
    }

    /**
     * Who the case is assigned to ({@code key:<id>} or {@code user:<name>}): the latest assignment or
     * escalation to a senior reviewer, unless an unassignment came after it. Derived from the events,
     * which are stored with the case, so it cannot disagree with the history.
     */
    public Optional<String> assignee() {
        for (int i = events.size() - 1; i >= 0; i--) {
            switch (events.get(i)) {
                case CaseEvent.Assigned a -> {
                    return Optional.ofNullable(a.details().get("assignee"));
                }
                case CaseEvent.EscalatedToSenior e -> {
                    return Optional.ofNullable(e.details().get("to"));
                }
                case CaseEvent.Unassigned u -> {
                    return Optional.empty();
                }
                default -> {}
            }
        }
        return Optional.empty();
    }

    /** The senior reviewer of the latest escalation, while the case is still with them (no later assignment or unassignment). */
    public Optional<String> escalatedTo() {
        for (int i = events.size() - 1; i >= 0; i--) {
            switch (events.get(i)) {
                case CaseEvent.EscalatedToSenior e -> {
                    return Optional.ofNullable(e.details().get("to"));
                }
                case CaseEvent.Assigned a -> {
                    return Optional.empty();
                }
                case CaseEvent.Unassigned u -> {
                    return Optional.empty();
                }
                default -> {}
            }
        }
        return Optional.empty();
    }

    /** The stable id of the case's {@code n}-th event (1-based); messages about it carry this id, so receivers can drop repeats. */
    public String eventId(int n) {
        return id + "/" + n;
    }

    public Optional<CaseClock> clock(String name) {
        return clocks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Whether an event of {@code type} about {@code clock} at {@code threshold} (absent for a breach) was recorded. */
    public boolean hasEvent(Class<? extends CaseEvent> type, String clock, String threshold) {
        return events.stream()
                .anyMatch(e -> type.isInstance(e)
                        && clock.equals(e.details().get("clock"))
                        && Objects.equals(threshold, e.details().get("threshold")));
    }

    CaseFile with(
            List<CaseClock> newClocks, CaseState newState, Optional<CaseAction> newOutcome, List<CaseEvent> added) {
        List<CaseEvent> all = new ArrayList<>(events);
        all.addAll(added);
        return new CaseFile(
                id,
                noticeType,
                jurisdiction,
                article,
                mediaId,
                receivedAt,
                notice,
                newClocks,
                newState,
                newOutcome,
                all,
                missingFields,
                legalReview,
                awaitingInformation);
    }

    /** The notice completed by later information: its fields merged, and the clocks it now starts. */
    CaseFile completed(
            Map<String, String> mergedNotice,
            List<String> stillMissing,
            List<CaseClock> newClocks,
            List<CaseEvent> added) {
        List<CaseEvent> all = new ArrayList<>(events);
        all.addAll(added);
        return new CaseFile(
                id,
                noticeType,
                jurisdiction,
                article,
                mediaId,
                receivedAt,
                mergedNotice,
                newClocks,
                state,
                outcome,
                all,
                stillMissing,
                legalReview,
                !stillMissing.isEmpty() && awaitingInformation);
    }
}

package org.pramaan.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of the open-case queue, as a case store answers it ({@link CaseRepository#queue}). The filters and the
 * order are those {@link CaseService#queue} and {@link CaseQueue#open} always applied; {@link #page(List)} is that
 * in-memory path, kept as the reference every store's answer is compared with (the testkit contract). A store
 * answers from indexed columns and reads only the page's cases, so the console's queue page does not load and sort
 * 10,000 open cases per request.
 *
 * @param jurisdiction only this rule pack's cases, compared ignoring case ({@link String#equalsIgnoreCase})
 * @param noticeType only this notice type (exact)
 * @param state only cases in this state; {@link CaseQueue.State#BREACHED} means a running clock's deadline is before
 *     {@code now}
 * @param assigned only unassigned cases, or only those assigned to a named person ({@link CaseQueue.Assignment.ToMe}
 *     is resolved to a name before a query is made)
 * @param dueBy only cases with a running clock due at or before this instant
 * @param now the injected clock's instant, for {@code BREACHED}
 * @param severities each notice type's severity from the rule packs (1 = most severe); others count as
 *     {@link #DEFAULT_SEVERITY}
 * @param offset how many matching cases to skip
 * @param limit at most this many cases in the page
 */
public record QueueQuery(
        Optional<String> jurisdiction,
        Optional<String> noticeType,
        Optional<CaseQueue.State> state,
        Optional<CaseQueue.Assignment> assigned,
        Optional<Instant> dueBy,
        Instant now,
        Map<String, Integer> severities,
        int offset,
        int limit) {
    /** A notice type no loaded pack defines sorts as a middling one, as {@link CaseService#queue} always did. */
    public static final int DEFAULT_SEVERITY = 2;

    /** Width of a deadline bucket ({@link CaseService#QUEUE_BUCKET}) in seconds. */
    public static final long BUCKET_SECONDS = CaseService.QUEUE_BUCKET.toSeconds();

    public QueueQuery {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(noticeType, "noticeType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(assigned, "assigned");
        Objects.requireNonNull(dueBy, "dueBy");
        Objects.requireNonNull(now, "now");
        severities = Map.copyOf(severities);
        if (assigned.filter(CaseQueue.Assignment.ToMe.class::isInstance).isPresent())
            throw new IllegalArgumentException("assigned: resolve 'me' to the viewer's name before querying");
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative: " + offset);
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative: " + limit);
    }

    /** The severity the queue orders {@code noticeType} by. */
    public int severity(String noticeType) {
        return severities.getOrDefault(noticeType, DEFAULT_SEVERITY);
    }

    /** The deadline bucket of {@code deadline}: whole {@link #BUCKET_SECONDS} steps since the epoch, rounded down. */
    public static long bucket(Instant deadline) {
        return Math.floorDiv(deadline.getEpochSecond(), BUCKET_SECONDS);
    }

    /** Whether an open case passes every filter (the in-memory reference). */
    public boolean matches(CaseFile c) {
        if (jurisdiction.isPresent() && !jurisdiction.get().equalsIgnoreCase(c.jurisdiction())) return false;
        if (noticeType.isPresent() && !noticeType.get().equals(c.noticeType())) return false;
        if (dueBy.isPresent()
                && !c.nextDeadline().map(t -> !t.isAfter(dueBy.get())).orElse(false)) return false;
        if (state.isPresent()) {
            boolean in = switch (state.get()) {
                case LEGAL_REVIEW -> c.legalReview();
                case AWAITING_INFORMATION -> c.awaitingInformation();
                case BREACHED -> c.clocks().stream().anyMatch(k -> k.running() && k.breachedBy(now));
            };
            if (!in) return false;
        }
        return assigned.map(a -> switch (a) {
                    case CaseQueue.Assignment.Unassigned u -> c.assignee().isEmpty();
                    case CaseQueue.Assignment.To t ->
                        c.assignee().filter(t.person()::equals).isPresent();
                    case CaseQueue.Assignment.ToMe m -> throw new IllegalStateException("refused by the constructor");
                })
                .orElse(true);
    }

    /**
     * Most urgent first: by deadline in {@link #BUCKET_SECONDS} steps (no running clock last), then severity, then
     * trusted flaggers (DSA art.22 priority), then the exact deadline, then the case id so equal cases keep one order.
     */
    public Comparator<CaseFile> order() {
        return Comparator.comparingLong(
                        (CaseFile c) -> c.nextDeadline().map(QueueQuery::bucket).orElse(Long.MAX_VALUE))
                .thenComparingInt(c -> severity(c.noticeType()))
                .thenComparing(c -> !NoticeFields.trustedFlagger(c))
                .thenComparing(c -> c.nextDeadline().orElse(Instant.MAX))
                .thenComparing(CaseFile::id);
    }

    /** The reference answer: {@code open} filtered and ordered in memory, and the page cut from it. */
    public Page page(List<CaseFile> open) {
        List<CaseFile> all = open.stream().filter(this::matches).sorted(order()).toList();
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page(all.subList(from, to), all.size());
    }

    /**
     * Folds text so that two strings fold alike exactly when {@link String#equalsIgnoreCase} holds for them (per code
     * point: lower case of upper case), letting a store compare jurisdictions by equality on an indexed column.
     */
    public static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return b.toString();
    }

    /**
     * One page of the queue.
     *
     * @param cases the page's cases, most urgent first
     * @param total how many open cases match the filters in all
     */
    public record Page(List<CaseFile> cases, int total) {
        public Page {
            cases = List.copyOf(cases);
            if (total < cases.size()) throw new IllegalArgumentException("total " + total + " < page size");
        }
    }
}

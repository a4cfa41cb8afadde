package org.pramaan.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.access.Actor;
import org.pramaan.access.People;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;

/**
 * Quality review: a share of decided cases is sampled for a second reviewer, who is not the first
 * and decides blind (the {@link Blind} view carries the notice, never the first decision). The
 * service compares the two and records a {@link CaseEvent.QualityReviewed} on the case; agreement
 * rates per first reviewer and per notice type come from those events. Sampling is a keyed hash
 * (HMAC-SHA256) of the case id, so it is the same on every call and every node, and a reviewer
 * without the key cannot tell which of their cases will be checked.
 */
public final class QualityReview {
    /** Decided cases scanned, newest first. */
    public static final int SCAN = 10_000;

    public static final int MAX_NOTE = 4000;

    /** A sampled case as the second reviewer sees it: the notice and content, not what was decided. */
    public record Blind(
            String caseId,
            String noticeType,
            String jurisdiction,
            String article,
            String mediaId,
            Instant receivedAt,
            Map<String, String> notice) {}

    /** Agreement of second reviews with first decisions for one reviewer or notice type. */
    public record Rate(String key, int reviewed, int agreed) {
        public double rate() {
            return reviewed == 0 ? 0 : (double) agreed / reviewed;
        }
    }

    public record Agreement(List<Rate> byReviewer, List<Rate> byNoticeType) {}

    private final CaseLedger ledger;
    private final CaseService cases;
    private final People people;
    private final double rate;
    private final byte[] key;

    /**
     * @param sampleRate share of decided cases sampled, 0..1 ({@code console.quality-sample-rate})
     * @param key        HMAC key of the sampling hash
     * @throws IllegalArgumentException when the rate is outside 0..1 (bad configuration stops start-up)
     */
    public QualityReview(CaseService cases, People people, double sampleRate, byte[] key) {
        if (!(sampleRate >= 0 && sampleRate <= 1))
            throw new IllegalArgumentException("quality sample rate must be between 0 and 1, got " + sampleRate);
        this.cases = Objects.requireNonNull(cases, "cases");
        this.ledger = cases.ledger;
        this.people = Objects.requireNonNull(people, "people");
        this.rate = sampleRate;
        this.key = key.clone();
    }

    /** Whether the case is in the sample: the first 8 bytes of HMAC-SHA256(key, id) as a fraction of 2^64 below the rate. */
    public boolean sampled(String caseId) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            byte[] h = mac.doFinal(caseId.getBytes(StandardCharsets.UTF_8));
            long v = java.nio.ByteBuffer.wrap(h).getLong() >>> 11; // 53 bits: exact in a double
            return v / (double) (1L << 53) < rate;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * Whether {@code viewer} could still give {@code c} its blind second review: sampled, decided by a
     * person other than the viewer, not yet reviewed. The console sends such a viewer to the blind form
     * rather than the case page, which shows the first decision.
     */
    public boolean awaitsBlindReviewBy(CaseFile c, Actor viewer) {
        Optional<CaseEvent.ActionTaken> first = firstDecision(c);
        return first.isPresent()
                && !reviewed(c)
                && !viewer.wireName().equals(first.get().details().get("actor"))
                && sampled(c.id());
    }

    /** Sampled decided cases awaiting a second review that {@code reviewer} may give (not their own decisions), newest first. */
    public List<Blind> queue(Actor reviewer) {
        List<Blind> out = new ArrayList<>();
        for (CaseFile c : cases.closed(SCAN)) {
            Optional<CaseEvent.ActionTaken> first = firstDecision(c);
            if (first.isEmpty() || !sampled(c.id()) || reviewed(c)) continue;
            if (reviewer.wireName().equals(first.get().details().get("actor"))) continue;
            out.add(blind(c));
        }
        return out;
    }

    /**
     * The blind view of one sampled case for {@code reviewer}.
     *
     * @throws Forbidden {@code quality.own_decision} when the reviewer made the first decision
     */
    public Blind view(String caseId, Actor reviewer) {
        CaseFile c = awaiting(caseId, reviewer);
        return blind(c);
    }

    /**
     * Records the second reviewer's decision; whether it agrees with the first is computed here.
     *
     * @throws Invalid naming {@code decision} when it is not an action that settles a case, or {@code note} when too long
     * @throws Forbidden when the reviewer made the first decision or is no reviewer or admin
     * @throws Conflict when the case was reviewed already
     */
    public CaseFile record(String caseId, Actor reviewer, CaseAction decision, String note) {
        if (!decision.closesCase() || decision == CaseAction.RESTORE)
            throw new Invalid(
                    "decision",
                    "decision " + decision
                            + " does not settle a case; give REMOVE, GEO_RESTRICT, LABEL, DEMOTE or DISMISS");
        if (note.length() > MAX_NOTE)
            throw new Invalid("note", "note is " + note.length() + " characters; at most " + MAX_NOTE + " are allowed");
        if (people.of(reviewer).isEmpty())
            throw new Forbidden("auth.forbidden", "'" + reviewer.wireName() + "' is no reviewer or admin");
        return ledger.locked(() -> {
            CaseFile c = awaiting(caseId, reviewer);
            CaseEvent.ActionTaken first = firstDecision(c).orElseThrow();
            String firstAction = first.details().get("action");
            boolean agrees = decision.name().equals(firstAction);
            Map<String, String> d = new LinkedHashMap<>();
            d.put("reviewer", reviewer.wireName());
            d.put("decision", decision.name());
            d.put("firstReviewer", first.details().get("actor"));
            d.put("firstDecision", firstAction);
            d.put("agrees", Boolean.toString(agrees));
            d.put("note", note);
            CaseFile updated = c.with(
                    c.clocks(),
                    c.state(),
                    c.outcome(),
                    List.of(new CaseEvent.QualityReviewed(ledger.clock.instant(), d)));
            ledger.store(updated, c.events().size());
            Map<String, Object> audited = new LinkedHashMap<>(d);
            audited.remove("note");
            ledger.audit.append("case.quality_reviewed", "case:" + caseId, audited);
            return updated;
        });
    }

    /** Agreement rates per first reviewer and per notice type, over the second reviews recorded. */
    public Agreement agreement() {
        Map<String, int[]> byReviewer = new TreeMap<>();
        Map<String, int[]> byType = new TreeMap<>();
        for (CaseFile c : cases.closed(SCAN)) {
            for (CaseEvent e : c.events()) {
                if (!(e instanceof CaseEvent.QualityReviewed q)) continue;
                boolean agrees = Boolean.parseBoolean(q.details().get("agrees"));
                count(byReviewer, q.details().getOrDefault("firstReviewer", "?"), agrees);
                count(byType, c.noticeType(), agrees);
            }
        }
        return new Agreement(rates(byReviewer), rates(byType));
    }

    private static void count(Map<String, int[]> m, String k, boolean agrees) {
        int[] n = m.computeIfAbsent(k, x -> new int[2]);
        n[0]++;
        if (agrees) n[1]++;
    }

    private static List<Rate> rates(Map<String, int[]> m) {
        return m.entrySet().stream()
                .map(e -> new Rate(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private CaseFile awaiting(String caseId, Actor reviewer) {
        CaseFile c = ledger.require(caseId);
        Optional<CaseEvent.ActionTaken> first = firstDecision(c);
        if (first.isEmpty() || !sampled(caseId))
            throw new NotFound("quality.not_sampled", "case " + caseId + " is not in the quality-review sample");
        if (reviewed(c)) throw new Conflict(CaseLedger.CONFLICT, "case " + caseId + " has had its quality review");
        if (reviewer.wireName().equals(first.get().details().get("actor")))
            throw new Forbidden(
                    "quality.own_decision",
                    "case " + caseId + " was decided by " + reviewer.wireName() + "; a second reviewer must review it");
        return c;
    }

    /** The action that first settled the case, by a person (a system action is not a reviewer's decision). */
    static Optional<CaseEvent.ActionTaken> firstDecision(CaseFile c) {
        for (CaseEvent e : c.events()) {
            if (e instanceof CaseEvent.ActionTaken a
                    && a.action().closesCase()
                    && a.action() != CaseAction.RESTORE
                    && !a.details().getOrDefault("actor", "system").startsWith("system")) return Optional.of(a);
        }
        return Optional.empty();
    }

    private static boolean reviewed(CaseFile c) {
        return c.events().stream().anyMatch(e -> e instanceof CaseEvent.QualityReviewed);
    }

    private static Blind blind(CaseFile c) {
        return new Blind(
                c.id(), c.noticeType(), c.jurisdiction(), c.article(), c.mediaId(), c.receivedAt(), c.notice());
    }
}

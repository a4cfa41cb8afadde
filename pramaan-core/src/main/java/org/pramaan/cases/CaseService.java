package org.pramaan.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.HashBanks;
import org.pramaan.intake.MediaRepository;

/** Opens cases from notices, runs their clocks and applies actions. */
public final class CaseService {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final char[] ID_CHARS = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** An escalation or breach fired more than this after it fell due is recorded as late (e.g. after downtime). */
    static final java.time.Duration LATE_AFTER = java.time.Duration.ofMinutes(1);

    /** Cases due within the same window are ordered by severity, then trusted flaggers: a reviewer picks work at that granularity. */
    static final java.time.Duration QUEUE_BUCKET = java.time.Duration.ofMinutes(5);

    private final Map<String, RulePack.NoticeType> noticeTypes = new LinkedHashMap<>();
    private final Map<String, RulePack> packs = new LinkedHashMap<>();
    private final List<CaseListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private org.pramaan.tx.UnitOfWork unit = org.pramaan.tx.UnitOfWork.none();
    private final CaseRepository cases;
    private final MediaRepository media;
    private final ContentEffects effects;
    private final AuditLog audit;
    private final Clock clock;

    public CaseService(List<RulePack> packs, CaseRepository cases, MediaRepository media, HashBanks banks, AuditLog audit, Clock clock) {
        packs.forEach(p -> this.packs.put(p.jurisdiction(), p));
        packs.forEach(p -> p.noticeTypes().forEach(t -> {
            if (noticeTypes.putIfAbsent(t.id(), t) != null) throw new IllegalArgumentException("notice type " + t.id() + " is defined by two rule packs");
        }));
        this.cases = Objects.requireNonNull(cases, "cases");
        this.media = Objects.requireNonNull(media, "media");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.effects = new ContentEffects(media, Objects.requireNonNull(banks, "banks"), audit, clock);
    }

    public List<RulePack.NoticeType> noticeTypes() { return List.copyOf(noticeTypes.values()); }

    /** Case changes and their audit entries commit together through this (set once by the composition root). */
    public void useUnitOfWork(org.pramaan.tx.UnitOfWork u) { this.unit = u; }

    /** Removals place retention holds through this (set once by the composition root). */
    public void useRetention(Retention r) { effects.useRetention(r); }

    /** Repeat-infringer counting and account actions (DSA art.23) keep their records here (set once by the composition root). */
    public void useAccounts(AccountRepository a) { effects.useAccounts(a); }

    /** Told of every case change inside its unit of work (e.g. the notification outbox). */
    public void addListener(CaseListener l) { listeners.add(l); }

    /** Saves the case and tells listeners what it added beyond its first {@code before} events. */
    private void store(CaseFile updated, int before) {
        cases.save(updated);
        List<CaseEvent> added = updated.events().subList(before, updated.events().size());
        if (!added.isEmpty()) for (CaseListener l : listeners) l.recorded(updated, added);
    }

    private static int severity(CaseFile c, Map<String, RulePack.NoticeType> types) {
        RulePack.NoticeType t = types.get(c.noticeType());
        return t == null ? 2 : t.severity();
    }

    public Optional<CaseFile> find(String id) { return cases.find(id); }

    public List<CaseFile> open() { return cases.open(); }

    /** Closed cases, newest first. */
    public List<CaseFile> closed(int limit) { return cases.closed(limit); }

    /**
     * Open cases, most urgent first: by deadline in {@link #QUEUE_BUCKET} steps, then severity (the
     * pack's 1 = most severe, e.g. intimate imagery), then trusted flaggers (DSA art.22 priority),
     * then the exact deadline. Optionally only one jurisdiction's, or only those due within a window.
     */
    public List<CaseFile> queue(java.util.Optional<String> jurisdiction, java.util.Optional<java.time.Duration> dueWithin) {
        Instant limit = dueWithin.map(d -> clock.instant().plus(d)).orElse(Instant.MAX);
        return cases.open().stream()
                .filter(c -> jurisdiction.map(j -> j.equalsIgnoreCase(c.jurisdiction())).orElse(true))
                .filter(c -> dueWithin.isEmpty() || c.nextDeadline().map(d -> !d.isAfter(limit)).orElse(false))
                .sorted(java.util.Comparator.comparingLong((CaseFile c) -> c.nextDeadline().map(d -> Math.floorDiv(d.getEpochSecond(), QUEUE_BUCKET.toSeconds())).orElse(Long.MAX_VALUE))
                        .thenComparingInt(c -> severity(c, noticeTypes))
                        .thenComparing(c -> !NoticeFields.trustedFlagger(c))
                        .thenComparing(c -> c.nextDeadline().orElse(Instant.MAX)))
                .toList();
    }

    /** Opens a case; every clock runs from receipt with the duration in force at receipt. */
    public CaseFile openCase(NoticeRequest request) {
        // Caps checked before the lock: every case operation waits on this monitor, so nothing of unbounded size may run under it (issue 11 defect 1).
        org.pramaan.limits.TextLimits.checkNoticeFields(request.fields(), org.pramaan.limits.TextLimits.NOTICE_FIELDS + org.pramaan.limits.TextLimits.SERVER_SET_FIELDS);
        org.pramaan.limits.TextLimits.check("noticeType", request.noticeType(), org.pramaan.limits.TextLimits.NOTICE_TYPE);
        return locked(() -> openCaseUnit(request));
    }

    /**
     * Runs a case change in the store's unit of work and then under this service's monitor, always in
     * that order: an edge that runs a use case inside its own unit (an idempotent request storing its
     * response with the effect) takes the store's lock first too, so the two locks can never be taken
     * in opposite orders by two threads. The monitor still serialises case changes when the store has
     * no transactions ({@link org.pramaan.tx.UnitOfWork#none()}).
     */
    private <T> T locked(java.util.function.Supplier<T> work) {
        return unit.run(() -> {
            synchronized (this) {
                return work.get();
            }
        });
    }

    private CaseFile openCaseUnit(NoticeRequest request) {
        RulePack.NoticeType type = noticeTypes.get(request.noticeType());
        if (type == null) {
            throw new IllegalArgumentException("unknown notice type '" + request.noticeType() + "'; known: " + String.join(", ", noticeTypes.keySet()));
        }
        if (media.find(request.mediaId()).isEmpty()) throw new IllegalArgumentException("no media with id '" + request.mediaId() + "'");
        Instant now = clock.instant();
        Instant received = request.receivedAt().orElse(now);
        if (received.isAfter(now)) throw new IllegalArgumentException("receivedAt " + received + " is in the future");
        List<String> missing = type.missing(request.fields());
        boolean await = !missing.isEmpty() && type.onMissingFields() == RulePack.OnMissingFields.AWAIT_INFORMATION;
        boolean legalReview = !missing.isEmpty() && type.onMissingFields() == RulePack.OnMissingFields.LEGAL_REVIEW;
        List<CaseClock> inForce = clocks(type, received); // fails now if no rule was in force at receipt
        List<CaseClock> clocks = await ? List.of() : inForce;
        String id = type.jurisdiction() + "-" + DAY.format(received) + "-" + randomCode(6);
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent("opened", now, Map.of("noticeType", type.id(), "receivedAt", received.toString())));
        if (!missing.isEmpty()) {
            events.add(new CaseEvent(await ? "information_requested" : "routed_to_legal_review", now, Map.of("missing", String.join(",", missing),
                    "clock", await ? "not started" : "running", "source", type.missingFieldsSource())));
        }
        CaseFile c = new CaseFile(id, type.id(), type.jurisdiction(), type.article(), request.mediaId(), received, request.fields(),
                clocks, CaseState.OPEN, Optional.empty(), events, missing, legalReview, await);
        store(c, 0);
        audit.append("case.opened", "case:" + id, AuditLog.details("noticeType", type.id(), "article", type.article(),
                "mediaId", request.mediaId(), "receivedAt", received.toString(), "missingFields", missing,
                "deadlines", clocks.stream().map(k -> k.name() + "=" + k.dueAt()).toList()));
        return c;
    }

    /**
     * Adds fields a notifier supplied later. When a case that awaited information becomes complete,
     * its clocks start now (the notice becomes valid on completion, e.g. 47 U.S.C. §223a(a)(3)).
     * Only fields the rule pack lists as missing for this case are filled: a field already present
     * (e.g. the notifier's e-mail once given) is never overwritten, and a server-owned field
     * ({@link NoticeFields#SERVER_OWNED}) is never taken from a client. Who may complete is the
     * caller's decision (the edge allows the submitting key and case handlers).
     *
     * @throws NoticeFields.FieldRefusedException naming the first field that may not be supplied
     */
    public CaseFile supplyFields(String caseId, Map<String, String> fields, String actor) {
        return locked(() -> supplyFieldsUnit(caseId, fields, actor));
    }

    private CaseFile supplyFieldsUnit(String caseId, Map<String, String> fields, String actor) {
        CaseFile c = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case with id '" + caseId + "'"));
        if (c.state() == CaseState.CLOSED) throw new IllegalStateException("case " + caseId + " is closed");
        NoticeFields.refuseServerOwned(fields, "notice");
        for (String name : fields.keySet()) {
            if (c.notice().containsKey(name)) {
                throw new NoticeFields.FieldRefusedException(NoticeFields.FieldRefusedException.Reason.PRESENT, name,
                        "case " + caseId + " already has notice field '" + name + "'; a completion only fills missing fields");
            }
            if (!c.missingFields().contains(name)) {
                throw new NoticeFields.FieldRefusedException(NoticeFields.FieldRefusedException.Reason.NOT_MISSING, name,
                        "notice field '" + name + "' is not missing from case " + caseId + " (missing: "
                                + (c.missingFields().isEmpty() ? "none" : String.join(", ", c.missingFields())) + ")");
            }
        }
        RulePack.NoticeType type = noticeTypes.get(c.noticeType());
        Map<String, String> merged = new LinkedHashMap<>(c.notice());
        merged.putAll(fields);
        List<String> stillMissing = type.missing(merged);
        Instant now = clock.instant();
        List<CaseEvent> added = new ArrayList<>();
        List<CaseClock> clocks = c.clocks();
        added.add(new CaseEvent("fields_supplied", now, Map.of("fields", String.join(",", fields.keySet()), "actor", actor,
                "stillMissing", String.join(",", stillMissing))));
        if (c.awaitingInformation() && stillMissing.isEmpty()) {
            clocks = clocks(type, now);
            added.add(new CaseEvent("notice_completed", now, Map.of("clocksStartedAt", now.toString())));
        }
        CaseFile updated = c.completed(merged, stillMissing, clocks, added);
        store(updated, c.events().size());
        // Old and new value of each field: the old one is always absent (only missing fields are filled);
        // the new one as a digest, since notice fields are personal data and the log cannot be erased.
        List<Map<String, Object>> changes = fields.entrySet().stream().map(e -> AuditLog.details("field", e.getKey(), "old", "absent",
                "new", NoticeFields.auditDigest(caseId, e.getKey(), e.getValue()))).toList();
        audit.append("case.fields_supplied", "case:" + caseId, AuditLog.details("fields", List.copyOf(fields.keySet()), "changes", changes,
                "stillMissing", stillMissing, "actor", actor, "deadlines", clocks.stream().map(k -> k.name() + "=" + k.dueAt()).toList()));
        return updated;
    }

    /**
     * The affected user's appeal against a restriction (DSA art.20), accepted within the rule pack's
     * window from when the restriction applied. Only one appeal is pending at a time.
     */
    public CaseFile appeal(String caseId, String appellant, String statement) {
        return locked(() -> appealUnit(caseId, appellant, statement));
    }

    private CaseFile appealUnit(String caseId, String appellant, String statement) {
        CaseFile c = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case with id '" + caseId + "'"));
        Instant restricted = Appeals.restrictedAt(c).orElseThrow(() -> new IllegalStateException("case " + caseId + " restricted nothing, so there is nothing to appeal"));
        RulePack.AppealWindow w = packs.get(c.jurisdiction()).appeals();
        Instant now = clock.instant();
        if (now.isAfter(restricted.plus(w.window()))) {
            throw new IllegalStateException("the appeal window for case " + caseId + " closed at " + restricted.plus(w.window()) + " (" + w.source() + ")");
        }
        if (Appeals.pending(c)) throw new IllegalStateException("case " + caseId + " already has an appeal awaiting a decision");
        if (statement.isBlank()) throw new IllegalArgumentException("an appeal needs a statement of why the decision is wrong");
        CaseEvent e = new CaseEvent("appeal_received", now, Map.of("appellant", appellant, "statement", statement,
                "windowClosesAt", restricted.plus(w.window()).toString()));
        CaseFile updated = c.with(c.clocks(), c.state(), c.outcome(), List.of(e));
        store(updated, c.events().size());
        audit.append("case.appeal_received", "case:" + caseId, AuditLog.details("appellant", appellant));
        return updated;
    }

    /**
     * A person decides the pending appeal (DSA art.20(6): not solely by automated means). Reversal
     * restores the content, takes its hashes out of the removed bank and issues a new statement of reasons.
     */
    public CaseFile decideAppeal(String caseId, boolean reverse, String reviewer, String reason) {
        return locked(() -> decideAppealUnit(caseId, reverse, reviewer, reason));
    }

    private CaseFile decideAppealUnit(String caseId, boolean reverse, String reviewer, String reason) {
        if (!(reviewer.startsWith("key:") || reviewer.startsWith("cli:"))) {
            throw new IllegalArgumentException("appeals are decided by a person with a key, not by '" + reviewer + "'");
        }
        CaseFile c = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case with id '" + caseId + "'"));
        if (!Appeals.pending(c)) throw new IllegalStateException("case " + caseId + " has no appeal awaiting a decision");
        if (reason.isBlank()) throw new IllegalArgumentException("an appeal decision needs its reasons (DSA art.20(5))");
        CaseEvent decided = new CaseEvent("appeal_decided", clock.instant(), Map.of("decision", reverse ? "RESTRICTION_REVERSED" : "RESTRICTION_UPHELD", "reviewer", reviewer, "reason", reason));
        store(c.with(c.clocks(), c.state(), c.outcome(), List.of(decided)), c.events().size());
        audit.append("case.appeal_decided", "case:" + caseId, AuditLog.details("decision", reverse ? "RESTRICTION_REVERSED" : "RESTRICTION_UPHELD", "reviewer", reviewer));
        if (!reverse) return cases.find(caseId).orElseThrow();
        return act(caseId, CaseAction.RESTORE, reviewer, "appeal upheld: " + reason);
    }

    /**
     * A blocked upload that matched content a case removed has resurfaced: the case records it so
     * the complainant can be told (MeitY NCII SOP: notify the victim of resurfacing).
     */
    public void onIntake(org.pramaan.intake.Intake.Result r) {
        if (r.report().decision() != org.pramaan.decision.Decision.BLOCK) return;
        for (org.pramaan.banks.BankMatch m : r.report().matches()) {
            if (!m.acts() || m.caseId().isEmpty()) continue;
            if (cases.find(m.caseId().get()).isEmpty()) continue;
            CaseEvent e = new CaseEvent("resurfaced", clock.instant(), Map.of("uploadId", Long.toString(r.upload().id()), "mediaId", r.media().id(),
                    "method", m.method(), "distance", Integer.toString(m.distance()), "uploaderId", r.upload().uploaderId().orElse(""),
                    "blocked", "true"));
            // The event and its audit entry commit together, on the case as it is inside the lock.
            locked(() -> {
                Optional<CaseFile> c = cases.find(m.caseId().get());
                if (c.isEmpty()) return null;
                store(c.get().with(c.get().clocks(), c.get().state(), c.get().outcome(), List.of(e)), c.get().events().size());
                audit.append("case.resurfaced", "case:" + c.get().id(), AuditLog.details("mediaId", r.media().id(), "uploadId", r.upload().id(),
                        "method", m.method(), "distance", m.distance()));
                return null;
            });
        }
    }

    private static List<CaseClock> clocks(RulePack.NoticeType type, Instant start) {
        List<CaseClock> clocks = new ArrayList<>();
        for (RulePack.ClockRule rule : type.clocks()) {
            RulePack.Version v = rule.inForceAt(start).orElseThrow(() -> new IllegalArgumentException(
                    "no " + type.id() + " '" + rule.name() + "' rule was in force at " + start));
            clocks.add(new CaseClock(rule.name(), v.source(), start, start.plus(v.duration()), rule.escalateAt(), Optional.empty()));
        }
        return clocks;
    }

    /**
     * Fires every escalation and breach that has fallen due by now and was not fired before; the
     * event records both when it was due and when it fired, so a late firing (after downtime) is
     * visible rather than silently skipped. Returns the new events.
     */
    public List<CaseEvent> checkClocks() {
        Instant now = clock.instant();
        List<CaseEvent> fired = new ArrayList<>();
        for (CaseFile due : cases.due(now)) {
            fired.addAll(locked(() -> cases.find(due.id()).map(c -> fire(c, now)).orElse(List.of())));
        }
        return fired;
    }

    /** Fires what fell due on {@code c} (read inside the lock, so a concurrent action is never overwritten). */
    private List<CaseEvent> fire(CaseFile c, Instant now) {
        List<CaseEvent> added = new ArrayList<>();
        for (CaseClock k : c.clocks()) {
            if (!k.running()) continue;
            for (double f : k.escalateAt()) {
                String threshold = Math.round(f * 100) + "%";
                Instant due = k.escalationDue(f);
                if (!now.isBefore(due) && !c.hasEvent("escalated", k.name(), threshold)) {
                    added.add(new CaseEvent("escalated", now, Map.of("clock", k.name(), "threshold", threshold,
                            "dueAt", due.toString(), "deadline", k.dueAt().toString(), "late", Boolean.toString(now.isAfter(due.plus(LATE_AFTER))))));
                }
            }
            if (now.isAfter(k.dueAt()) && !c.hasEvent("breached", k.name(), null)) {
                added.add(new CaseEvent("breached", now, Map.of("clock", k.name(), "deadline", k.dueAt().toString(),
                        "late", Boolean.toString(now.isAfter(k.dueAt().plus(LATE_AFTER))))));
            }
        }
        // Saved even when nothing fired, so a stale due time (e.g. after a schema upgrade) is recomputed;
        // the events and their audit entries commit together, so a crash never fires one twice or logs it half.
        store(c.with(c.clocks(), c.state(), c.outcome(), added), c.events().size());
        for (CaseEvent e : added) audit.append("case." + e.type(), "case:" + c.id(), new LinkedHashMap<>(e.details()));
        return added;
    }

    /** Applies an action; clocks it settles stop now. */
    public CaseFile act(String caseId, CaseAction action, String actor, String note) { return act(caseId, action, actor, note, Map.of()); }

    /**
     * Applies an action with its parameters ({@code territories} for GEO_RESTRICT; {@code accountId}
     * and {@code days} for account actions); clocks it settles stop now.
     */
    public CaseFile act(String caseId, CaseAction action, String actor, String note, Map<String, String> params) {
        return locked(() -> actUnit(caseId, action, actor, note, Map.copyOf(params)));
    }

    private CaseFile actUnit(String caseId, CaseAction action, String actor, String note, Map<String, String> params) {
        CaseFile c = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case with id '" + caseId + "'"));
        validate(c, action);
        RulePack pack = packs.get(c.jurisdiction());
        Instant now = clock.instant();
        List<CaseEvent> added = new ArrayList<>();
        Map<String, String> taken = new LinkedHashMap<>(Map.of("action", action.name(), "actor", actor, "note", note));
        if (action == CaseAction.GEO_RESTRICT) taken.put("territories", territories(params));
        added.add(new CaseEvent("action_taken", now, taken));
        List<CaseClock> clocks = settleClocks(c, action, now, added);
        if (action.onAccount()) {
            added.add(effects.actOnAccount(c, action, params, actor));
        } else {
            added.addAll(effects.apply(c, action, actor, pack));
            added.addAll(effects.countStrikes(c, action, pack));
        }
        if (action.restrictsContent() || action == CaseAction.RESTORE || action == CaseAction.SUSPEND_ACCOUNT) {
            // DSA art.17(1): the statement is due at the latest when the restriction applies, so it is made here.
            int seq = (int) c.events().stream().filter(e -> e.type().equals("statement_of_reasons")).count() + 1;
            Map<String, String> sorParams = new LinkedHashMap<>(taken);
            added.stream().filter(e -> e.type().equals("account_suspended")).findFirst().ifPresent(e -> sorParams.put("until", e.details().get("until")));
            Map<String, Object> sor = StatementOfReasons.forAction(c, action, effects.mediaOf(c), note, now, seq, sorParams, pack);
            List<String> problems = StatementOfReasons.validate(sor);
            if (!problems.isEmpty()) throw new IllegalStateException("statement of reasons for " + c.id() + " fails the database rules: " + problems);
            added.add(1, new CaseEvent("statement_of_reasons", now, Map.of("puid", String.valueOf(sor.get("puid")), "json", org.pramaan.json.Json.write(sor))));
        }
        CaseState state = action.closesCase() ? CaseState.CLOSED : c.state();
        Optional<CaseAction> outcome = action.closesCase() ? Optional.of(action) : c.outcome();
        CaseFile updated = c.with(clocks, state, outcome, added);
        store(updated, c.events().size());
        audit.append("case.action_taken", "case:" + c.id(), AuditLog.details("action", action.name(), "actor", actor, "note", note,
                "mediaId", c.mediaId(), "params", params, "clocksStopped", added.stream().filter(e -> e.type().equals("clock_stopped"))
                        .map(e -> e.details().get("clock") + (Boolean.parseBoolean(e.details().get("met")) ? ":met" : ":late")).toList()));
        return updated;
    }

    private static List<CaseClock> settleClocks(CaseFile c, CaseAction action, Instant now, List<CaseEvent> added) {
        List<CaseClock> clocks = new ArrayList<>();
        for (CaseClock k : c.clocks()) {
            boolean settles = k.running() && (action.closesCase() || (action == CaseAction.ACKNOWLEDGE && k.name().equals("acknowledge")));
            if (settles) {
                clocks.add(k.stop(now));
                added.add(new CaseEvent("clock_stopped", now, Map.of("clock", k.name(), "deadline", k.dueAt().toString(),
                        "met", Boolean.toString(!now.isAfter(k.dueAt())))));
            } else {
                clocks.add(k);
            }
        }
        return clocks;
    }


    /** ISO 3166-1 alpha-2 codes, comma-separated, as given with GEO_RESTRICT. */
    private static String territories(Map<String, String> params) {
        List<String> codes = org.pramaan.limits.PlainText.split(params.getOrDefault("territories", ""), ',', false).stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        if (codes.isEmpty()) throw new IllegalArgumentException("geo_restrict needs 'territories': ISO 3166-1 alpha-2 codes such as IN or DE,FR");
        for (String t : codes) if (!org.pramaan.limits.PlainText.isUpperLetters(t, 2)) throw new IllegalArgumentException("territory '" + t + "' is not an ISO 3166-1 alpha-2 code (two capital letters)");
        return String.join(",", codes);
    }

    private static void validate(CaseFile c, CaseAction action) {
        if (action == CaseAction.RESTORE) {
            if (c.outcome().map(CaseAction::restrictsContent).orElse(false)) return;
            throw new IllegalStateException("case " + c.id() + " cannot be restored: only a restriction (remove, geo_restrict, label, demote) can be reversed (outcome is "
                    + c.outcome().map(Enum::name).orElse("none") + ")");
        }
        if (action.onAccount()) return; // art.23 actions often follow the removal that closed the case
        if (c.state() == CaseState.CLOSED) {
            throw new IllegalStateException("case " + c.id() + " is closed (" + c.outcome().map(Enum::name).orElse("") + "); only restore and account actions are possible");
        }
        if (action == CaseAction.ACKNOWLEDGE && c.clock("acknowledge").filter(CaseClock::running).isEmpty()) {
            throw new IllegalStateException("case " + c.id() + " has no running acknowledgement clock");
        }
    }

    private static String randomCode(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        return sb.toString();
    }
}

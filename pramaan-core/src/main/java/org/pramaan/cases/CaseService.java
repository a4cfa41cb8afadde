package org.pramaan.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.HashBanks;
import org.pramaan.detect.ReviewLabels;
import org.pramaan.errors.Invalid;
import org.pramaan.intake.MediaRepository;
import org.pramaan.tx.UnitOfWork;

/**
 * The case use cases behind one door, for the HTTP routes and the CLI: notices ({@link Notices}),
 * actions ({@link CaseActions}), appeals ({@link Appeals}), clock checks ({@link ClockChecks}) and
 * resurfacing ({@link Resurfacing}). Every change runs in the store's unit of work, which is
 * required: a case change and its audit entry (and a listener's outbox message) commit together.
 */
public final class CaseService {
    /** Cases due within the same window are ordered by severity, then trusted flaggers: a reviewer picks work at that granularity. */
    static final Duration QUEUE_BUCKET = Duration.ofMinutes(5);

    /**
     * What the case use cases need. {@code retention} places holds on removal; {@code accounts}
     * keeps repeat-infringer counts and account actions (DSA art.23); {@code listeners} are told of
     * every case change inside its unit of work (e.g. the notification outbox).
     */
    public record Dependencies(
            List<RulePack> packs,
            CaseRepository cases,
            MediaRepository media,
            HashBanks banks,
            AuditLog audit,
            Clock clock,
            UnitOfWork unitOfWork,
            Optional<Retention> retention,
            Optional<AccountRepository> accounts,
            List<CaseListener> listeners,
            Optional<ReviewLabels> labels) {
        public Dependencies {
            packs = List.copyOf(packs);
            Objects.requireNonNull(cases, "cases");
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(banks, "banks");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(unitOfWork, "unitOfWork");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(accounts, "accounts");
            listeners = List.copyOf(listeners);
            Objects.requireNonNull(labels, "labels");
        }

        /** The required collaborators; no retention, account store or listeners until added with the {@code with…} methods. */
        public static Dependencies of(
                List<RulePack> packs,
                CaseRepository cases,
                MediaRepository media,
                HashBanks banks,
                AuditLog audit,
                Clock clock,
                UnitOfWork unitOfWork) {
            return new Dependencies(
                    packs,
                    cases,
                    media,
                    banks,
                    audit,
                    clock,
                    unitOfWork,
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty());
        }

        public Dependencies withRetention(Retention r) {
            return new Dependencies(
                    packs, cases, media, banks, audit, clock, unitOfWork, Optional.of(r), accounts, listeners, labels);
        }

        public Dependencies withAccounts(AccountRepository a) {
            return new Dependencies(
                    packs, cases, media, banks, audit, clock, unitOfWork, retention, Optional.of(a), listeners, labels);
        }

        public Dependencies withListener(CaseListener l) {
            List<CaseListener> all = new java.util.ArrayList<>(listeners);
            all.add(Objects.requireNonNull(l, "listener"));
            return new Dependencies(
                    packs, cases, media, banks, audit, clock, unitOfWork, retention, accounts, all, labels);
        }

        /** Issue 16: a finding given with a case decision becomes calibration labels in this store. */
        public Dependencies withLabels(ReviewLabels store) {
            Optional<ReviewLabels> l = Optional.of(store);
            return new Dependencies(
                    packs, cases, media, banks, audit, clock, unitOfWork, retention, accounts, listeners, l);
        }
    }

    private final Map<String, RulePack.NoticeType> noticeTypes = new LinkedHashMap<>();
    /** Each notice type's severity, for the queue's order. */
    private final Map<String, Integer> severities;

    final CaseLedger ledger; // package-private: CaseAssignments, CaseQueue and QualityReview share its lock and store
    private final Notices notices;
    private final CaseActions actions;
    private final Appeals appeals;
    private final ClockChecks clockChecks;
    private final Resurfacing resurfacing;
    private final CaseImports imports;

    /** @param events intake announces {@link org.pramaan.intake.MediaScreened} there; resurfacing subscribes to it */
    public CaseService(Dependencies d, org.pramaan.events.EventBus events) {
        Map<String, RulePack> packs = new LinkedHashMap<>();
        d.packs().forEach(p -> packs.put(p.jurisdiction(), p));
        d.packs()
                .forEach(p -> p.noticeTypes().forEach(t -> {
                    if (noticeTypes.putIfAbsent(t.id(), t) != null)
                        throw new IllegalArgumentException("notice type " + t.id() + " is defined by two rule packs");
                }));
        this.severities = noticeTypes.values().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        RulePack.NoticeType::id, RulePack.NoticeType::severity));
        // Every case change is serialised on this object's monitor (see CaseLedger#locked).
        this.ledger = new CaseLedger(d, Map.copyOf(packs), java.util.Collections.unmodifiableMap(noticeTypes), this);
        this.notices = new Notices(ledger, d.media());
        this.actions = new CaseActions(
                ledger, new ContentEffects(d.media(), d.banks(), d.audit(), d.clock(), d.retention(), d.accounts()));
        this.appeals = new Appeals(ledger, actions);
        this.clockChecks = new ClockChecks(ledger);
        this.resurfacing = new Resurfacing(ledger);
        this.imports = new CaseImports(
                ledger, d.media(), new ImportedEffects(d.media(), d.banks(), d.audit(), d.retention(), d.accounts()));
        // Last, once every field is set: the bus calls back after an intake committed, never during construction.
        events.subscribe(org.pramaan.intake.MediaScreened.class, resurfacing::onIntake);
        // Issue 16: a face matching a protected person with a standing complaint is recorded on that case.
        events.subscribe(org.pramaan.intake.MediaScreened.class, new LikenessLinks(ledger)::onIntake);
    }

    public List<RulePack.NoticeType> noticeTypes() {
        return List.copyOf(noticeTypes.values());
    }

    public Optional<CaseFile> find(String id) {
        return ledger.cases.find(id);
    }

    public List<CaseFile> open() {
        return ledger.cases.open();
    }

    /** Closed cases, newest first. */
    public List<CaseFile> closed(int limit) {
        return ledger.cases.closed(limit);
    }

    /**
     * Open cases, most urgent first: by deadline in {@link #QUEUE_BUCKET} steps, then severity (the
     * pack's 1 = most severe, e.g. intimate imagery), then trusted flaggers (DSA art.22 priority),
     * then the exact deadline. Optionally only one jurisdiction's, or only those due within a window.
     */
    public List<CaseFile> queue(Optional<String> jurisdiction, Optional<Duration> dueWithin) {
        return queue(
                        jurisdiction,
                        dueWithin,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        Integer.MAX_VALUE)
                .cases();
    }

    /**
     * One page of {@link #queue}'s order, also filtered by notice type, state and assignment (a named person or
     * no one), answered by the case store from its indexes: only the page's cases are read.
     */
    public QueueQuery.Page queue(
            Optional<String> jurisdiction,
            Optional<Duration> dueWithin,
            Optional<String> noticeType,
            Optional<CaseQueue.State> state,
            Optional<CaseQueue.Assignment> assigned,
            int offset,
            int limit) {
        return ledger.cases.queue(query(jurisdiction, dueWithin, noticeType, state, assigned, offset, limit));
    }

    QueueQuery query(
            Optional<String> jurisdiction,
            Optional<Duration> dueWithin,
            Optional<String> noticeType,
            Optional<CaseQueue.State> state,
            Optional<CaseQueue.Assignment> assigned,
            int offset,
            int limit) {
        Instant now = ledger.clock.instant();
        return new QueueQuery(
                jurisdiction, noticeType, state, assigned, dueWithin.map(now::plus), now, severities, offset, limit);
    }

    /**
     * Opens a case; every clock runs from receipt with the duration in force at receipt.
     *
     * @throws Invalid naming {@code noticeType}, {@code mediaId}, {@code receivedAt} or the notice field that was wrong
     */
    public CaseFile openCase(NoticeRequest request) {
        return notices.open(request);
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
    public CaseFile supplyFields(String caseId, Map<String, String> fields, Actor actor) {
        return notices.supplyFields(caseId, fields, actor);
    }

    /**
     * The affected user's appeal against a restriction (DSA art.20), accepted within the rule pack's
     * window from when the restriction applied. Only one appeal is pending at a time. The appellant
     * is the platform's account id of the uploader, relayed by the platform, not an {@link Actor}.
     */
    public CaseFile appeal(String caseId, String appellant, String statement) {
        return appeals.appeal(caseId, appellant, statement);
    }

    /**
     * A person decides the pending appeal (DSA art.20(6): not solely by automated means, so a
     * {@link Actor.Component} is refused). Reversal restores the content, takes its hashes out of the
     * removed bank and issues a new statement of reasons.
     */
    public CaseFile decideAppeal(String caseId, boolean reverse, Actor reviewer, String reason) {
        return appeals.decide(caseId, reverse, reviewer, reason, Optional.empty());
    }

    /** The same with the reviewer's finding (issue 16); a reversal's finding replaces the restriction's labels. */
    public CaseFile decideAppeal(
            String caseId, boolean reverse, Actor reviewer, String reason, Optional<CaseFinding> f) {
        return appeals.decide(caseId, reverse, reviewer, reason, f);
    }

    /**
     * Fires every escalation and breach that has fallen due by now and was not fired before; the
     * event records both when it was due and when it fired. Returns the new events.
     */
    public List<CaseEvent> checkClocks() {
        return clockChecks.check();
    }

    /** Applies an action; clocks it settles stop now. */
    public CaseFile act(String caseId, CaseAction action, Actor actor, String note) {
        return act(caseId, action, actor, note, Map.of());
    }

    /**
     * Applies an action with its parameters ({@code territories} for GEO_RESTRICT; {@code accountId}
     * and {@code days} for account actions); clocks it settles stop now.
     */
    public CaseFile act(String caseId, CaseAction action, Actor actor, String note, Map<String, String> params) {
        return actions.act(caseId, action, actor, note, params, Optional.empty());
    }

    /** With the reviewer's finding (issue 16, {@link FindingLabels}): only with a closing or restoring action. */
    public CaseFile act(
            String id, CaseAction a, Actor actor, String note, Map<String, String> params, Optional<CaseFinding> f) {
        return actions.act(id, a, actor, note, params, f);
    }

    /** The statement of reasons {@link #act} would issue for this action now, stored nowhere (a preview). */
    public Optional<Map<String, Object>> previewStatement(String caseId, CaseAction action, Actor actor, String note) {
        return actions.previewStatement(caseId, action, actor, note);
    }

    /**
     * Brings in a case from a previous system with its history; clocks and appeal windows run from the recorded
     * times, and the content is left as the last action left it (removed content banked and held). Audited as {@code
     * case.imported} by {@code importer} from {@code sourceSystem}; no messages are sent. A case already imported from
     * the same system with the same source id is answered as it is.
     *
     * @throws Invalid naming the field (e.g. {@code actions[1].at}) that is in the future, out of order or breaks the pack
     */
    public ImportedCase.Outcome importCase(ImportedCase imported, Actor importer, String sourceSystem) {
        return imports.importCase(imported, importer, sourceSystem);
    }
}

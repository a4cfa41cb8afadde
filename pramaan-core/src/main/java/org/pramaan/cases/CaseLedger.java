package org.pramaan.cases;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.NotFound;
import org.pramaan.tx.UnitOfWork;

/**
 * What every case use case shares: the store, the unit of work and monitor that serialise case
 * changes, the listeners told of each change, the audit log and the clock, and the loaded rule packs.
 */
final class CaseLedger {
    /** The wire code of a refusal because of the case's state (a closed case, a pending appeal): what the HTTP API answered for these before. */
    static final String CONFLICT = "request.conflict";

    final CaseRepository cases;
    final AuditLog audit;
    final Clock clock;
    private final UnitOfWork unit;
    private final List<CaseListener> listeners;
    private final Object monitor;
    private final Map<String, RulePack> packs;
    private final Map<String, RulePack.NoticeType> noticeTypes;
    /** Issue 16: findings given with case decisions, as calibration labels. */
    final FindingLabels findings;

    CaseLedger(
            CaseService.Dependencies d,
            Map<String, RulePack> packs,
            Map<String, RulePack.NoticeType> noticeTypes,
            Object monitor) {
        this.cases = d.cases();
        this.audit = d.audit();
        this.clock = d.clock();
        this.unit = d.unitOfWork();
        this.listeners = d.listeners();
        this.packs = packs;
        this.noticeTypes = noticeTypes;
        this.monitor = monitor;
        this.findings = new FindingLabels(d.media(), d.labels());
    }

    /**
     * Runs a case change in the store's unit of work and then under the case service's monitor,
     * always in that order: an edge that runs a use case inside its own unit (an idempotent request
     * storing its response with the effect) takes the store's lock first too, so the two locks can
     * never be taken in opposite orders by two threads. The monitor still serialises case changes
     * when the store's unit of work has no transactions (in-memory stores).
     */
    <T> T locked(Supplier<T> work) {
        return unit.run(() -> {
            synchronized (monitor) {
                return work.get();
            }
        });
    }

    /** Saves the case and tells listeners what it added beyond its first {@code before} events. */
    void store(CaseFile updated, int before) {
        cases.save(updated);
        List<CaseEvent> added =
                updated.events().subList(before, updated.events().size());
        if (!added.isEmpty()) for (CaseListener l : listeners) l.recorded(updated, added);
    }

    /** @throws NotFound {@code case.not_found} (the code the HTTP API answers for an unknown case) */
    CaseFile require(String caseId) {
        return cases.find(caseId).orElseThrow(() -> new NotFound("case.not_found", "no case with id '" + caseId + "'"));
    }

    Optional<RulePack.NoticeType> noticeType(String id) {
        return Optional.ofNullable(noticeTypes.get(id));
    }

    Map<String, RulePack.NoticeType> noticeTypes() {
        return noticeTypes;
    }

    /** The pack of a stored case; every case was opened under a loaded pack, so none missing is a configuration defect. */
    RulePack pack(CaseFile c) {
        RulePack p = packs.get(c.jurisdiction());
        if (p == null)
            throw new java.util.NoSuchElementException("case " + c.id() + " is under jurisdiction " + c.jurisdiction()
                    + ", whose rule pack is not loaded");
        return p;
    }

    /** The loaded pack of a jurisdiction; a notice type always belongs to a loaded pack. */
    RulePack packOf(String jurisdiction) {
        return java.util.Objects.requireNonNull(packs.get(jurisdiction), jurisdiction);
    }
}

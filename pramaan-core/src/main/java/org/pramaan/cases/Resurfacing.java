package org.pramaan.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankMatch;
import org.pramaan.decision.Decision;
import org.pramaan.intake.MediaScreened;

/**
 * A blocked upload that matched content a case removed has resurfaced: the case records it so the
 * complainant can be told (MeitY NCII SOP: notify the victim of resurfacing).
 */
final class Resurfacing {
    private final CaseLedger ledger;

    Resurfacing(CaseLedger ledger) {
        this.ledger = ledger;
    }

    void onIntake(MediaScreened r) {
        if (r.report().decision() != Decision.BLOCK) return;
        for (BankMatch m : r.report().matches()) {
            if (!m.acts() || m.caseId().isEmpty()) continue;
            if (ledger.cases.find(m.caseId().get()).isEmpty()) continue;
            CaseEvent e = new CaseEvent.Resurfaced(
                    ledger.clock.instant(),
                    Map.of(
                            "uploadId",
                            Long.toString(r.upload().id()),
                            "mediaId",
                            r.media().id(),
                            "method",
                            m.method(),
                            "distance",
                            Integer.toString(m.distance()),
                            "uploaderId",
                            r.upload().uploaderId().orElse(""),
                            "blocked",
                            "true"));
            // The event and its audit entry commit together, on the case as it is inside the lock.
            ledger.locked(() -> {
                Optional<CaseFile> c = ledger.cases.find(m.caseId().get());
                if (c.isEmpty()) return null;
                ledger.store(
                        c.get().with(c.get().clocks(), c.get().state(), c.get().outcome(), List.of(e)),
                        c.get().events().size());
                ledger.audit.append(
                        "case.resurfaced",
                        "case:" + c.get().id(),
                        AuditLog.details(
                                "mediaId",
                                r.media().id(),
                                "uploadId",
                                r.upload().id(),
                                "method",
                                m.method(),
                                "distance",
                                m.distance()));
                return null;
            });
        }
    }
}

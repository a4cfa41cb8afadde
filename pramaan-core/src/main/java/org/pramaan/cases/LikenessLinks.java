package org.pramaan.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.audit.AuditLog;
import org.pramaan.intake.MediaScreened;
import org.pramaan.signals.LikenessExtractor;
import org.pramaan.signals.Signal;

/**
 * An upload showed a protected person who has a standing complaint (issue 16): the match is recorded
 * on that case, audited, so the case's reviewers see where the person's face turned up. Whatever the
 * upload's decision: the match itself decides nothing.
 */
final class LikenessLinks {
    private final CaseLedger ledger;

    LikenessLinks(CaseLedger ledger) {
        this.ledger = ledger;
    }

    void onIntake(MediaScreened r) {
        for (Signal s : r.report().signals()) {
            if (!LikenessExtractor.isMatch(s)) continue;
            String caseId = s.attributes().get("caseId");
            if (caseId == null || ledger.cases.find(caseId).isEmpty()) continue;
            Map<String, String> d = new LinkedHashMap<>();
            d.put("mediaId", r.media().id());
            d.put("uploadId", Long.toString(r.upload().id()));
            d.put("person", s.value());
            d.put("similarity", s.attributes().getOrDefault("similarity", ""));
            d.put("threshold", s.attributes().getOrDefault("threshold", ""));
            d.put(
                    "model",
                    s.attributes().getOrDefault("model", "") + " "
                            + s.attributes().getOrDefault("version", ""));
            d.put("evidence", s.attributes().getOrDefault("evidence", ""));
            d.put("decision", r.report().decision().name());
            CaseEvent e = new CaseEvent.LikenessMatched(ledger.clock.instant(), d);
            // The event and its audit entry commit together, on the case as it is inside the lock.
            ledger.locked(() -> {
                Optional<CaseFile> c = ledger.cases.find(caseId);
                if (c.isEmpty()) return null;
                ledger.store(
                        c.get().with(c.get().clocks(), c.get().state(), c.get().outcome(), List.of(e)),
                        c.get().events().size());
                ledger.audit.append(
                        "case.likeness_matched",
                        "case:" + caseId,
                        AuditLog.details(
                                "mediaId", r.media().id(),
                                "uploadId", r.upload().id(),
                                "person", s.value(),
                                "similarity", d.get("similarity"),
                                "model", d.get("model")));
                return null;
            });
        }
    }
}

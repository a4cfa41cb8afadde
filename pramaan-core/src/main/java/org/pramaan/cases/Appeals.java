package org.pramaan.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Appeal state derived from a case's events: the restriction appealed against and any pending appeal. */
final class Appeals {
    private Appeals() {}

    /** When the case's latest content restriction (remove, geo-restrict, label, demote) applied. */
    static Optional<Instant> restrictedAt(CaseFile c) {
        List<CaseEvent> actions = c.events().stream().filter(e -> e.type().equals("action_taken")).toList();
        for (int i = actions.size() - 1; i >= 0; i--) {
            String a = actions.get(i).details().get("action");
            if (CaseAction.valueOf(a).restrictsContent()) return Optional.of(actions.get(i).at());
        }
        return Optional.empty();
    }

    static boolean pending(CaseFile c) {
        long received = c.events().stream().filter(e -> e.type().equals("appeal_received")).count();
        long decided = c.events().stream().filter(e -> e.type().equals("appeal_decided")).count();
        return received > decided;
    }
}

package org.pramaan.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseState;

/** Case files built by hand for the overview's unit tests: a receipt, one clock, and the actions given. */
final class Cases {
    private Cases() {}

    static CaseFile acted(String id, String type, Instant received, Duration clock, Duration... actionsAfter) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent.Opened(received, Map.of()));
        Optional<Instant> stopped = Optional.empty();
        for (Duration d : actionsAfter) {
            events.add(new CaseEvent.ActionTaken(
                    received.plus(d), Map.of("action", CaseAction.REMOVE.name(), "actor", "key:k1")));
            if (stopped.isEmpty()) stopped = Optional.of(received.plus(d));
        }
        return of(id, type, received, clock, stopped, events);
    }

    static CaseFile of(
            String id,
            String type,
            Instant received,
            Duration clock,
            Optional<Instant> stoppedAt,
            List<CaseEvent> events) {
        CaseClock k = new CaseClock("remove", "r.3(2)(b)", received, received.plus(clock), List.of(0.5), stoppedAt);
        return new CaseFile(
                id,
                type,
                "IN",
                "r.3(2)(b)",
                "m-" + id,
                received,
                Map.of(),
                List.of(k),
                stoppedAt.isPresent() ? CaseState.CLOSED : CaseState.OPEN,
                stoppedAt.map(x -> CaseAction.REMOVE),
                events,
                List.of(),
                false,
                false);
    }
}

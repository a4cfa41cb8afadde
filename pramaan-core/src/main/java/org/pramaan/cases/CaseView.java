package org.pramaan.cases;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The public JSON shape of a case (HTTP API and CLI). */
public final class CaseView {
    private CaseView() {}

    public static Map<String, Object> of(CaseFile c, Clock clock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("trackingNumber", c.id());
        m.put("noticeType", c.noticeType());
        m.put("jurisdiction", c.jurisdiction());
        m.put("article", c.article());
        m.put("mediaId", c.mediaId());
        m.put("state", c.state().name());
        c.outcome().ifPresent(o -> m.put("outcome", o.name()));
        m.put("receivedAt", c.receivedAt().toString());
        c.nextDeadline().ifPresent(d -> m.put("deadline", d.toString()));
        m.put("notice", c.notice());
        m.put("missingFields", c.missingFields());
        m.put("legalReview", c.legalReview());
        m.put("awaitingInformation", c.awaitingInformation());
        c.assignee().ifPresent(a -> m.put("assignee", a));
        c.escalatedTo().ifPresent(a -> m.put("escalatedTo", a));
        m.put(
                "clocks",
                c.clocks().stream()
                        .map(k -> {
                            Map<String, Object> km = new LinkedHashMap<>();
                            km.put("name", k.name());
                            km.put("startedAt", k.startedAt().toString());
                            km.put("dueAt", k.dueAt().toString());
                            km.put("durationSeconds", k.duration().toSeconds());
                            km.put("source", k.source());
                            km.put("running", k.running());
                            k.stoppedAt().ifPresent(s -> km.put("stoppedAt", s.toString()));
                            km.put("breached", k.breachedBy(clock.instant()));
                            km.put(
                                    "escalateAt",
                                    k.escalateAt().stream()
                                            .map(f -> k.escalationDue(f).toString())
                                            .toList());
                            return km;
                        })
                        .toList());
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        m.put(
                "events",
                c.events().stream()
                        .map(e -> {
                            Map<String, Object> em = new LinkedHashMap<>();
                            em.put("id", c.eventId(n.incrementAndGet()));
                            em.put("type", e.wireName());
                            em.put("at", e.at().toString());
                            em.put("details", new java.util.TreeMap<>(e.details()));
                            return em;
                        })
                        .toList());
        return m;
    }
}

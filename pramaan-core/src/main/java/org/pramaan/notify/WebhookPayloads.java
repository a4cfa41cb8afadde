package org.pramaan.notify;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.json.Json;

/** The JSON the host platform receives for a case event. */
final class WebhookPayloads {
    private WebhookPayloads() {}

    static Map<String, Object> caseEvent(CaseFile c, CaseEvent e, String eventId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", eventId);
        m.put("type", "case." + e.wireName());
        m.put("occurredAt", e.at().toString());
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("id", c.id());
        cm.put("jurisdiction", c.jurisdiction());
        cm.put("noticeType", c.noticeType());
        cm.put("article", c.article());
        cm.put("mediaId", c.mediaId());
        cm.put("state", c.state().name());
        c.outcome().ifPresent(o -> cm.put("outcome", o.name()));
        c.nextDeadline().ifPresent(d -> cm.put("deadline", d.toString()));
        m.put("case", cm);
        Map<String, Object> data = new TreeMap<>(e.details());
        if (data.containsKey("json")) {
            // A statement of reasons: sent as the object it is, not as a string inside a string.
            try {
                data.put("statement", Json.mapper().readTree((String) data.remove("json")));
            } catch (IOException ex) {
                throw new IllegalStateException("statement of reasons of " + c.id() + " is not JSON", ex);
            }
        }
        m.put("data", data);
        return m;
    }
}

package org.pramaan.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.cases.BundleSection;
import org.pramaan.cases.CaseFile;

/**
 * The evidence bundle's {@code deliveries.json}: every message about the case, when it was
 * delivered or why not. E-mail bodies are left out (they repeat the case; addresses stay, as proof
 * of who was told).
 */
public final class DeliveriesSection implements BundleSection {
    private final DeliveryRepository outbox;

    public DeliveriesSection(DeliveryRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public String fileName() {
        return "deliveries.json";
    }

    @Override
    public Object content(CaseFile c) {
        return outbox.forCase(c.id()).stream().map(DeliveriesSection::view).toList();
    }

    /** The public shape of a delivery (bundle and API). */
    public static Map<String, Object> view(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("eventId", d.eventId());
        m.put("channel", d.channel().name());
        m.put("destination", d.destination());
        m.put("caseId", d.caseId());
        m.put("kind", d.kind());
        m.put("state", d.state().name());
        m.put("attempts", d.attempts());
        m.put("createdAt", d.createdAt().toString());
        if (d.state() == DeliveryState.PENDING)
            m.put("nextAttemptAt", d.nextAttemptAt().toString());
        d.deliveredAt().ifPresent(t -> m.put("deliveredAt", t.toString()));
        d.lastError().ifPresent(e -> m.put("lastError", e));
        d.response().ifPresent(r -> m.put("response", r));
        return m;
    }
}

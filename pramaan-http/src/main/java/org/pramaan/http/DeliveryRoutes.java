package org.pramaan.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pramaan.notify.DeliveriesSection;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryState;

/** The notification outbox: what was sent, what is retrying, and the dead-letter list an operator can retry. */
public final class DeliveryRoutes {
    /** The notification outbox and its dispatcher. */
    public record Services(org.pramaan.notify.DeliveryRepository deliveries, org.pramaan.notify.Dispatcher dispatcher) {
        public Services {
            java.util.Objects.requireNonNull(deliveries, "deliveries");
            java.util.Objects.requireNonNull(dispatcher, "dispatcher");
        }
    }

    private static final int MAX_LIMIT = 1000;
    private final Services services;

    DeliveryRoutes(Services services) {
        this.services = services;
    }

    /** {@code ?state=dead|pending|delivered} (default dead), or {@code ?caseId=} for one case's messages. */
    void list(Context ctx) {
        String caseId = ctx.queryParam("caseId");
        List<Delivery> found;
        if (caseId != null && !caseId.isBlank()) {
            found = services.deliveries().forCase(caseId);
        } else {
            String s = String.valueOf(
                            ctx.queryParamAsClass("state", String.class).getOrDefault("dead"))
                    .toUpperCase(Locale.ROOT);
            DeliveryState state;
            try {
                state = DeliveryState.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new ApiException(
                        400,
                        "request.invalid",
                        "state '" + ctx.queryParam("state") + "' is not one of dead, pending, delivered");
            }
            found = services.deliveries().withState(state, limit(ctx));
        }
        HttpApi.json(
                ctx,
                200,
                Map.of("deliveries", found.stream().map(DeliveriesSection::view).toList()));
    }

    void retry(Context ctx) {
        Delivery d = services.dispatcher()
                .retry(
                        ctx.pathParam("id"),
                        org.pramaan.access.Actor.of(HttpApi.principal(ctx)).wireName());
        HttpApi.json(ctx, 200, DeliveriesSection.view(d));
    }

    private static int limit(Context ctx) {
        return (int) Requests.queryLong(ctx, "limit", 100, 1, MAX_LIMIT);
    }
}

package org.pramaan.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.pramaan.limits.TextLimits;
import org.pramaan.limits.WorkBudget;

/**
 * Bounds every guarded handler (issue 11: no request runs unbounded, even after its client has
 * gone). Before the handler runs, the query string is capped ({@link TextLimits#QUERY_STRING}); then
 * a {@link WorkBudget} is begun on the handler's thread, so the engines' loops stop at their next
 * {@link WorkBudget#check()} once it is spent, with a {@link org.pramaan.limits.BudgetExceededException}
 * that the API answers {@code 503 request.budget_exceeded}.
 *
 * <p>Routes that take media (uploads, hashing, C2PA) get the media budget: screening a 1 h video
 * decodes every frame (docs/performance.md: 65 HD frames/s on a third of a core, so about 28 min for
 * 1 h at 30 fps); everything else gets the general budget.
 */
public final class RequestBudget {
    /** The two budgets ({@code http.request-budget}, {@code http.media-budget}). */
    public record Settings(Duration general, Duration media) {
        /** General work (JSON requests, bank imports, bundle exports) well within 2 min; media: an hour of video on 2 shared cores. */
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(2), Duration.ofHours(1));

        public Settings {
            Objects.requireNonNull(general, "general");
            Objects.requireNonNull(media, "media");
            if (general.isNegative() || general.isZero() || media.isNegative() || media.isZero()) {
                throw new IllegalArgumentException(
                        "request budgets must be positive, got " + general + " and " + media);
            }
        }
    }

    /** Routes whose request carries a media file to parse, decode or hash. */
    private static final Set<String> MEDIA_ROUTES = Set.of(
            "POST /v1/media",
            "POST /v1/notices",
            "POST /v1/hash",
            "POST /v1/match",
            "POST /v1/provenance/verify",
            "POST /v1/provenance/sign",
            "POST /h/hash",
            "POST /m/lookup",
            "POST /m/compare",
            "POST /c/bank/{name}/content",
            "POST /v1/banks/{name}/items",
            // Marking and hashing a generated output (vPDQ of a video) is media work too (issue 14).
            "POST /v1/generations",
            "POST /v1/generations/lookup");

    private final Settings settings;

    RequestBudget(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The budget a route gets. */
    Duration budgetFor(Route r) {
        return MEDIA_ROUTES.contains(r.method() + " " + r.path()) ? settings.media() : settings.general();
    }

    /** Runs {@code h} for route {@code r} within its budget. */
    void run(Context ctx, Route r, Handler h) throws Exception {
        String q = ctx.queryString();
        if (q != null && q.length() > TextLimits.QUERY_STRING) {
            throw new ApiException(
                    400,
                    "request.invalid",
                    "the query string is " + q.length() + " characters long; the limit is " + TextLimits.QUERY_STRING);
        }
        WorkBudget.begin(budgetFor(r), r.method() + " " + r.path());
        try {
            h.handle(ctx);
        } finally {
            WorkBudget.end();
        }
    }
}

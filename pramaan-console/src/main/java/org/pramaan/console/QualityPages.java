package org.pramaan.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.access.Permission;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.QualityReview;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;

/**
 * The quality-review pages (issue 13, "Quality review"): the sampled decisions waiting for a second reviewer, the blind
 * review form, the result once recorded, and agreement rates. {@link QualityReview} does the sampling, refuses the
 * person who made the first decision ({@code quality.own_decision}) and audits the review ({@code
 * case.quality_reviewed}, with the second reviewer) in the same step that records it; these pages only show and post.
 * Blindness: the form shows the notice and the content, never the first decision or who made it; the result page
 * shows them only once the case carries its {@link CaseEvent.QualityReviewed} event.
 */
public final class QualityPages {
    private final Console console;
    private final QualityReview quality;

    QualityPages(Console console, QualityReview quality) {
        this.console = Objects.requireNonNull(console, "console");
        this.quality = Objects.requireNonNull(quality, "quality");
    }

    void mount(JavalinConfig config) {
        console.get(config, "/quality", this::list);
        console.get(config, "/quality/{id}", this::form);
        console.post(config, "/quality/{id}", this::record);
        console.get(config, "/quality/{id}/result", this::result);
    }

    /** The /quality page's data: what waits for this person, and agreement so far. */
    public record ListModel(List<QualityReview.Blind> waiting, List<RateRow> byReviewer, List<RateRow> byNoticeType) {}

    /** One agreement row: counts and the rate as a whole percentage (rounded half up, as people read it). */
    public record RateRow(String key, int reviewed, int agreed) {
        public long percent() {
            return reviewed == 0 ? 0 : Math.round(100.0 * agreed / reviewed);
        }

        static RateRow of(QualityReview.Rate r) {
            return new RateRow(r.key(), r.reviewed(), r.agreed());
        }
    }

    /**
     * The blind form's data: the case as {@link QualityReview#view} gives it, the decisions offered, and how the content
     * is shown ({@code image}, {@code video}, {@code audio} or {@code none}; shielded as on the case page for intimate
     * imagery and CSAM notices unless the person turned blurring off).
     */
    public record FormModel(
            QualityReview.Blind c,
            Map<String, String> notice,
            List<String> decisions,
            String mediaKind,
            boolean shielded) {}

    /** The recorded second review, as stored on the case (decision, first decision and reviewer, agreement). */
    public record ResultModel(String caseId, String noticeType, Map<String, String> review) {
        public boolean agrees() {
            return Boolean.parseBoolean(review.get("agrees"));
        }

        public String get(String key) {
            return review.getOrDefault(key, "");
        }
    }

    /** The decisions a second reviewer may give: those that settle a case, as {@link QualityReview#record} accepts. */
    static final List<String> DECISIONS = java.util.Arrays.stream(CaseAction.values())
            .filter(a -> a.closesCase() && a != CaseAction.RESTORE)
            .map(Enum::name)
            .toList();

    private void list(Context ctx, Sessions.Session session) {
        console.require(session, Permission.CASE_READ);
        QualityReview.Agreement a = quality.agreement();
        console.render(
                ctx,
                200,
                "quality.jte",
                console.page(ctx, Optional.of(session), "quality.title", "quality"),
                new ListModel(
                        quality.queue(session.actor()),
                        a.byReviewer().stream().map(RateRow::of).toList(),
                        a.byNoticeType().stream().map(RateRow::of).toList()));
    }

    private void form(Context ctx, Sessions.Session session) {
        console.require(session, Permission.CASE_ACT);
        // view() refuses the first decider (403) and a case reviewed already (409) or not sampled (404).
        QualityReview.Blind c = quality.view(id(ctx), session.actor());
        Console.Services s = console.services();
        String kind = s.media()
                .find(c.mediaId())
                .map(m -> m.info().kind().name().toLowerCase(java.util.Locale.ROOT))
                .orElse("none");
        boolean shielded = s.preferences().get(session.actor()).blurSensitive()
                && s.cases()
                        .find(c.caseId())
                        .map(f -> CasePage.sensitive(f, s.cases().noticeTypes()))
                        .orElse(true);
        console.render(
                ctx,
                200,
                "qualityreview.jte",
                console.page(ctx, Optional.of(session), "quality.review.title", "quality"),
                new FormModel(c, new TreeMap<>(c.notice()), DECISIONS, kind, shielded));
    }

    private void record(Context ctx, Sessions.Session session) {
        console.require(session, Permission.CASE_ACT);
        String id = id(ctx);
        String d = Objects.requireNonNullElse(ctx.formParam("decision"), "");
        if (!DECISIONS.contains(d))
            throw new Invalid("decision", "decision '" + Console.cut(d) + "' is not one of " + DECISIONS);
        String note = Objects.requireNonNullElse(ctx.formParam("note"), "").strip();
        // QualityReview caps the note (MAX_NOTE) and names it; the cap is checked there before anything is stored.
        quality.record(id, session.actor(), CaseAction.valueOf(d), note);
        ctx.redirect("/quality/" + id + "/result", HttpStatus.SEE_OTHER);
    }

    private void result(Context ctx, Sessions.Session session) {
        console.require(session, Permission.CASE_READ);
        String id = id(ctx);
        CaseFile c = console.services()
                .cases()
                .find(id)
                .orElseThrow(() -> new NotFound("case.not_found", "no case " + Console.cut(id)));
        // Only after the second review exists: before it, this page would unblind the form.
        Map<String, String> review = c.events().stream()
                .filter(e -> e instanceof CaseEvent.QualityReviewed)
                .map(CaseEvent::details)
                .reduce((x, y) -> y)
                .orElseThrow(() -> new NotFound("quality.not_reviewed", "case " + id + " has no second review yet"));
        console.render(
                ctx,
                200,
                "qualityresult.jte",
                console.page(ctx, Optional.of(session), "quality.result.title", "quality"),
                new ResultModel(c.id(), c.noticeType(), review));
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > Console.MAX_ID_CHARS)
            throw new Invalid("id", "case id is " + id.length() + " characters; at most " + Console.MAX_ID_CHARS);
        return id;
    }
}

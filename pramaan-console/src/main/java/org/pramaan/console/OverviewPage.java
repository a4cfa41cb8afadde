package org.pramaan.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Permission;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditVerification;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseFile;

/**
 * The overview (issue 13, "Overview"): open cases by deadline bucket, breaches this week, median time to action per
 * notice type as a server-drawn SVG chart with its table, and the audit chain's status with a verify button for
 * admins. The verify button runs the real {@link org.pramaan.audit.AuditLog#verify()} and appends its result to the
 * chain (type {@code console.audit_verified}, subject {@value #AUDIT_SUBJECT}, with the person), which is also where
 * "last verified" is read back from: the record of a check is itself evidence (DEV-GUIDELINES 7).
 */
public final class OverviewPage {
    static final String AUDIT_SUBJECT = "audit:chain";
    static final String VERIFIED = "console.audit_verified";

    /** Closed cases read for this week's breaches and the medians, newest first (as the appeals queue scans). */
    static final int SCAN = 10_000;

    /** Breached cases listed by id on the page; the count covers them all. */
    static final int LISTED = 50;

    private final Console console;

    OverviewPage(Console console) {
        this.console = Objects.requireNonNull(console, "console");
    }

    void mount(JavalinConfig config) {
        console.get(config, "/overview", this::show);
        console.post(config, "/overview/verify-audit", this::verify);
    }

    /** A case that breached this week: which clock and when it fell due. */
    public record Breach(String caseId, String noticeType, String clock, Instant dueAt) {}

    /** The last recorded verification, or none yet. */
    public record AuditStatus(Optional<Instant> verifiedAt, String by, boolean valid, long entries, String problem) {}

    /**
     * The page's data.
     *
     * @param weekStart Monday 00:00 of this week in the person's zone (ISO-8601 weeks start on Monday)
     */
    public record Model(
            DeadlineBuckets buckets,
            Instant weekStart,
            List<Breach> breaches,
            int breachCount,
            List<TimeToAction> medians,
            String chartSvg,
            AuditStatus audit,
            boolean canVerify) {}

    private void show(Context ctx, Sessions.Session session) {
        console.require(session, Permission.CASE_READ);
        Console.Services s = console.services();
        Instant now = s.clock().instant();
        QueueFilters all = QueueFilters.parse(k -> null, s.cases().noticeTypes());
        List<QueueRow> rows = s.queue().open(all.filter(), session.actor()).stream()
                .map(c -> QueueRow.of(c, now))
                .toList();
        List<CaseFile> cases = new ArrayList<>(s.cases().open());
        cases.addAll(s.cases().closed(SCAN));
        Instant weekStart = DeadlineBuckets.weekStart(now, session.zone());
        List<Breach> breaches = breaches(cases, weekStart, now);
        List<TimeToAction> medians = TimeToAction.of(cases);
        Page page = console.page(ctx, Optional.of(session), "nav.overview", "overview");
        String svg = SvgChart.render(
                "tta-chart",
                page.t("overview.tta.title"),
                page.t("overview.tta.desc"),
                page.t("overview.nodata"),
                medians.stream()
                        .map(m -> new SvgChart.Bar(m.noticeType(), m.median().toMillis() / 60_000.0, m.text()))
                        .toList());
        console.render(
                ctx,
                200,
                "overview.jte",
                page,
                new Model(
                        DeadlineBuckets.of(rows, now),
                        weekStart,
                        breaches.stream().limit(LISTED).toList(),
                        breaches.size(),
                        medians,
                        svg,
                        auditStatus(),
                        session.principal().can(Permission.AUDIT_READ)));
    }

    /**
     * Cases with a clock whose deadline fell in {@code [weekStart, now)} and was not met: still running past it, or
     * stopped after it ({@link CaseClock#breachedBy}). One row per case (its earliest breached deadline), earliest
     * first. Read from the clocks rather than from {@code breached} events so a breach counts even before the clock
     * checker's next run has recorded it.
     */
    static List<Breach> breaches(Collection<CaseFile> cases, Instant weekStart, Instant now) {
        List<Breach> out = new ArrayList<>();
        for (CaseFile c : cases) {
            c.clocks().stream()
                    .filter(k -> !k.dueAt().isBefore(weekStart) && k.dueAt().isBefore(now) && k.breachedBy(now))
                    .min(Comparator.comparing(CaseClock::dueAt))
                    .ifPresent(k -> out.add(new Breach(c.id(), c.noticeType(), k.name(), k.dueAt())));
        }
        out.sort(Comparator.comparing(Breach::dueAt).thenComparing(Breach::caseId));
        return out;
    }

    private AuditStatus auditStatus() {
        List<AuditEntry> checks = console.services().audit().forSubject(AUDIT_SUBJECT);
        Optional<AuditEntry> last =
                checks.stream().filter(e -> e.type().equals(VERIFIED)).reduce((a, b) -> b);
        if (last.isEmpty()) return new AuditStatus(Optional.empty(), "", false, 0, "");
        JsonNode d = org.pramaan.json.Json.read(last.get().details(), JsonNode.class);
        return new AuditStatus(
                Optional.of(last.get().at()),
                d.path("person").asText(""),
                d.path("valid").asBoolean(false),
                d.path("entries").asLong(0),
                d.path("problem").asText(""));
    }

    /** Admins only (the API's {@code GET /v1/audit/verify} needs AUDIT_READ too); the result is appended to the chain. */
    private void verify(Context ctx, Sessions.Session session) {
        console.require(session, Permission.AUDIT_READ);
        AuditVerification v = console.services().audit().verify();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("person", session.actor().wireName());
        d.put("valid", v.valid());
        d.put("entries", v.entriesChecked());
        d.put("problem", v.problem());
        v.badSeq().ifPresent(seq -> d.put("badSeq", seq));
        console.services().audit().append(VERIFIED, AUDIT_SUBJECT, d);
        ctx.redirect("/overview#audit", HttpStatus.SEE_OTHER);
    }
}

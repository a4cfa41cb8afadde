package org.pramaan.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Permission;
import org.pramaan.errors.Invalid;
import org.pramaan.reports.Figure;
import org.pramaan.reports.ReportFormat;
import org.pramaan.reports.ReportKind;
import org.pramaan.reports.ReportPeriod;
import org.pramaan.reports.Reports;
import org.pramaan.reports.Section;

/**
 * The console's Reports page (issue 17): pick a regulator's report and its period, see every figure with the records
 * behind it, download it as CSV, JSON, HTML or PDF. Every view and download goes through {@link Reports#generate}, so
 * it is recorded in the audit log with its digest and the signed-in person, exactly as {@code GET /v1/reports/{kind}};
 * who may read reports follows the API's role: {@link Permission#AUDIT_READ}.
 */
public final class ReportsPages {
    /** Longer than any valid value (a date is 10 characters): refused before parsing. */
    static final int MAX_PARAM = 32;
    /** How many of a figure's record ids the page lists (the JSON download has them all). */
    static final int IDS_SHOWN = 20;

    private final Console console;
    private final Optional<Reports> reports;

    ReportsPages(Console console, Optional<Reports> reports) {
        this.console = Objects.requireNonNull(console, "console");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    void mount(JavalinConfig config) {
        console.pageGet(config, "/reports", this::page);
        console.pageGet(config, "/reports/download", this::download);
    }

    /** One figure as the page shows it. */
    public record FigureRow(
            String key, String label, String value, String unit, List<String> ids, int more, String basis) {
        static FigureRow of(Figure f) {
            List<String> ids = f.ids().subList(0, Math.min(IDS_SHOWN, f.ids().size()));
            return new FigureRow(
                    f.key(), f.label(), f.shown(), f.unit(), ids, f.ids().size() - ids.size(), f.basis());
        }
    }

    public record SectionRow(String key, String title, String basis, List<FigureRow> figures) {}

    /**
     * The form's values as given, and the report when one was asked for.
     *
     * @param query the query string that made this report (for the download links), empty before one is asked for
     */
    public record ReportsModel(
            List<ReportKind> kinds,
            String kind,
            String month,
            String from,
            String to,
            boolean available,
            Optional<String> title,
            Optional<String> period,
            Optional<String> sha256,
            List<SectionRow> sections,
            String query) {}

    private void page(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.AUDIT_READ);
        String kind = param(ctx, "kind");
        String month = param(ctx, "month");
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        List<ReportKind> kinds = Arrays.asList(ReportKind.values());
        if (kind.isEmpty() || reports.isEmpty()) {
            render(
                    ctx,
                    session,
                    new ReportsModel(
                            kinds,
                            kind,
                            month,
                            from,
                            to,
                            reports.isPresent(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            List.of(),
                            ""));
            return;
        }
        Reports r = reports.get();
        ReportKind k = ReportKind.parse(kind);
        ReportPeriod p = period(r, k, month, from, to);
        Reports.Generated g = r.generate(k, p, ReportFormat.JSON, session.actor());
        List<SectionRow> sections = g.report().sections().stream()
                .map((Section s) -> new SectionRow(
                        s.key(),
                        s.title(),
                        s.basis(),
                        s.figures().stream().map(FigureRow::of).toList()))
                .toList();
        render(
                ctx,
                session,
                new ReportsModel(
                        kinds,
                        kind,
                        month,
                        from,
                        to,
                        true,
                        Optional.of(k.title()),
                        Optional.of(p.label()),
                        Optional.of(g.sha256()),
                        sections,
                        query(k, month, from, to)));
    }

    private void render(Context ctx, Sessions.Session session, ReportsModel model) {
        console.pageRender(ctx, 200, "reports.jte", session, "reports.title", "reports", model);
    }

    /** The report as a file, with the digest the audit entry records in {@code X-Report-SHA256}. */
    private void download(Context ctx, Sessions.Session session) {
        console.requirePermission(session, Permission.AUDIT_READ);
        Reports r = reports.orElseThrow(() -> new Invalid("kind", "this deployment makes no reports"));
        ReportKind k = ReportKind.parse(param(ctx, "kind"));
        String month = param(ctx, "month");
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        ReportFormat format = ReportFormat.parse(param(ctx, "format"));
        ReportPeriod p = period(r, k, month, from, to);
        Reports.Generated g = r.generate(k, p, format, session.actor());
        String name = k.wireName() + "-" + p.label().replace(' ', '_') + "." + format.wireName();
        ctx.header("X-Report-SHA256", g.sha256());
        ctx.header("Content-Disposition", "attachment; filename=\"" + safeName(name) + "\"");
        ctx.status(200).contentType(format.mediaType()).result(g.bytes());
    }

    private static ReportPeriod period(Reports r, ReportKind k, String month, String from, String to) {
        return r.period(k, opt(month), opt(from), opt(to));
    }

    private static Optional<String> opt(String v) {
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A period label is digits, dashes and spaces (ReportPeriod), but a file name is built only from safe ones. */
    static String safeName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray())
            b.append(
                    (c >= 'a' && c <= 'z')
                                    || (c >= 'A' && c <= 'Z')
                                    || (c >= '0' && c <= '9')
                                    || c == '-'
                                    || c == '.'
                                    || c == '_'
                            ? c
                            : '_');
        return b.toString();
    }

    private static String query(ReportKind k, String month, String from, String to) {
        StringBuilder q = new StringBuilder("kind=").append(k.wireName());
        if (!month.isEmpty()) q.append("&month=").append(month);
        if (!from.isEmpty()) q.append("&from=").append(from);
        if (!to.isEmpty()) q.append("&to=").append(to);
        return q.toString();
    }

    /** A query parameter, blank when absent; longer than any valid value or given twice is refused by name. */
    static String param(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) return "";
        if (values.size() > 1) throw new Invalid(name, "'" + name + "' is given " + values.size() + " times");
        String v = values.get(0).strip();
        if (v.length() > MAX_PARAM)
            throw new Invalid(name, "'" + name + "' is " + v.length() + " characters long; the limit is " + MAX_PARAM);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-';
            if (!ok) throw new Invalid(name, "'" + name + "' may hold only a-z, 0-9 and '-'");
        }
        return v;
    }
}

package org.pramaan.reports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.RulePack;
import org.pramaan.errors.Invalid;
import org.pramaan.hash.ContentDigests;

/**
 * Use case: compute a report from the stores and record that it was made. Each generated report is
 * appended to the audit log with the SHA-256 of the bytes handed out, so a published report can be
 * matched to the run that made it (DEV-GUIDELINES 7).
 */
public final class Reports {
    public static final String AUDIT_TYPE = "report.generated";

    private final ReportSource source;
    private final List<RulePack.NoticeType> noticeTypes;
    private final AuditLog audit;
    private final Clock clock;
    private final Optional<PdfRenderer> pdf;

    public Reports(ReportSource source, List<RulePack.NoticeType> noticeTypes, AuditLog audit, Clock clock) {
        this(source, noticeTypes, audit, clock, Optional.empty());
    }

    /** With a PDF renderer for {@link ReportFormat#PDF}; without one, that format is refused. */
    public Reports(
            ReportSource source,
            List<RulePack.NoticeType> noticeTypes,
            AuditLog audit,
            Clock clock,
            Optional<PdfRenderer> pdf) {
        this.pdf = Objects.requireNonNull(pdf, "pdf");
        this.source = Objects.requireNonNull(source, "source");
        this.noticeTypes = List.copyOf(noticeTypes);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A report written in {@code format}, with its digest. */
    public record Generated(Report report, ReportFormat format, byte[] bytes, String sha256) {
        public Generated {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(format, "format");
            bytes = bytes.clone();
            Objects.requireNonNull(sha256, "sha256");
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The text formats' body (JSON, CSV, HTML) as UTF-8 text. */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * The period a client asked for: a monthly kind takes only {@code month}; the others take
     * {@code month} or both {@code from} and {@code to}. Refused by name; a period that starts after
     * today (in the kind's zone) has nothing to report and is refused too.
     */
    public ReportPeriod period(ReportKind kind, Optional<String> month, Optional<String> from, Optional<String> to) {
        ReportPeriod p;
        if (month.isPresent()) {
            if (from.isPresent() || to.isPresent())
                throw new Invalid(from.isPresent() ? "from" : "to", "give either month or from and to, not both");
            p = ReportPeriod.month(month.get(), kind.zone());
        } else if (kind.monthly()) {
            throw new Invalid(
                    "month", kind.wireName() + " is a calendar-month report (IT Rules r.4(1)(d)): give month=YYYY-MM");
        } else {
            p = ReportPeriod.dates(
                    from.orElseThrow(() -> new Invalid("from", "from (YYYY-MM-DD) is required")),
                    to.orElseThrow(() -> new Invalid("to", "to (YYYY-MM-DD) is required")),
                    kind.zone());
        }
        Instant now = clock.instant();
        if (p.from().isAfter(now))
            throw new Invalid(
                    month.isPresent() ? "month" : "from", "the period " + p.label() + " starts in the future");
        return p;
    }

    /** The report's figures, computed now; nothing is recorded. */
    public Report compute(ReportKind kind, ReportPeriod period) {
        Instant now = clock.instant();
        List<CaseFile> cases = source.cases(period.from(), period.to()).stream()
                .filter(c -> kind.jurisdiction().equals(c.jurisdiction()))
                .toList();
        List<String> types = noticeTypes.stream()
                .filter(t -> kind.jurisdiction().equals(t.jurisdiction()))
                .map(RulePack.NoticeType::id)
                .toList();
        boolean screening = kind == ReportKind.IN_MONTHLY || kind == ReportKind.DSA;
        ReportInputs in = new ReportInputs(
                period,
                cases,
                types,
                screening ? source.uploads(period.from(), period.to()) : List.of(),
                kind == ReportKind.IN_MONTHLY || kind == ReportKind.CN
                        ? source.generations(period.from(), period.to())
                        : List.of(),
                kind == ReportKind.DSA ? source.statementSubmissions(period.from(), period.to()) : List.of());
        List<Section> sections = switch (kind) {
            case IN_MONTHLY -> IndiaMonthly.build(in);
            case DSA -> DsaReport.build(in);
            case TAKE_IT_DOWN -> TakeItDownReport.build(in);
            case CN -> ChinaReport.build(in);
        };
        return new Report(kind, period, now, sections, Charts.of(in));
    }

    /** Computes, writes and records the report in the audit log with its SHA-256 and who asked for it. */
    public Generated generate(ReportKind kind, ReportPeriod period, ReportFormat format, Actor actor) {
        Report r = compute(kind, period);
        byte[] bytes = format == ReportFormat.PDF
                ? pdf.orElseThrow(() ->
                                new Invalid("format", "this deployment has no PDF renderer; use json, csv or html"))
                        .render(r)
                : ReportWriter.write(r, format).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(ContentDigests.digest("SHA-256").digest(bytes));
        audit.append(
                AUDIT_TYPE,
                "report:" + kind.wireName() + ":" + period.label(),
                AuditLog.details(
                        "kind", kind.wireName(),
                        "from", period.from().toString(),
                        "to", period.to().toString(),
                        "zone", period.zone().getId(),
                        "format", format.wireName(),
                        "sha256", sha,
                        "generatedAt", r.generatedAt().toString(),
                        "actor", actor.wireName()));
        return new Generated(r, format, bytes, sha);
    }
}

package org.pramaan.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.access.Actor;
import org.pramaan.errors.Invalid;
import org.pramaan.reports.ReportFormat;
import org.pramaan.reports.ReportKind;
import org.pramaan.reports.ReportPeriod;
import org.pramaan.reports.Reports;

/**
 * {@code GET /v1/reports/{kind}?month=YYYY-MM} or {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD}, with
 * {@code format=json|csv|html|pdf}: a regulator's report (issue 17), audited with its SHA-256, which the
 * {@value #DIGEST_HEADER} header repeats so the caller can match the file to the audit entry.
 */
final class ReportRoutes {
    static final String DIGEST_HEADER = "X-Report-SHA256";
    private static final Set<String> PARAMS = Set.of("month", "from", "to", "format");
    /** Longer than any valid value (a date is 10 characters): refused before any parsing. */
    private static final int MAX_PARAM = 32;

    private final Optional<Reports> reports;

    ReportRoutes(Optional<Reports> reports) {
        this.reports = reports;
    }

    void get(Context ctx) {
        Reports r = reports.orElseThrow(
                () -> new ApiException(503, "reports.unavailable", "this deployment makes no reports"));
        Map<String, List<String>> query = ctx.queryParamMap();
        for (String name : query.keySet()) {
            if (!PARAMS.contains(name))
                throw new Invalid(
                        Requests.abbreviate(name),
                        "unknown parameter '" + Requests.abbreviate(name) + "': use month, or from and to, and format");
        }
        ReportKind kind = ReportKind.parse(ctx.pathParam("kind"));
        ReportPeriod p = r.period(kind, param(query, "month"), param(query, "from"), param(query, "to"));
        ReportFormat format = ReportFormat.parse(param(query, "format").orElse("json"));
        Reports.Generated g = r.generate(kind, p, format, Actor.of(HttpApi.principal(ctx)));
        ctx.header(DIGEST_HEADER, g.sha256());
        ctx.status(200).contentType(format.mediaType()).result(g.bytes());
    }

    private static Optional<String> param(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.isEmpty()) return Optional.empty();
        if (values.size() > 1)
            throw new Invalid(name, "'" + name + "' is given " + values.size() + " times; give it once");
        String v = values.get(0);
        if (v.length() > MAX_PARAM)
            throw new Invalid(name, "'" + name + "' is " + v.length() + " characters long; the limit is " + MAX_PARAM);
        return Optional.of(v);
    }
}

package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Actor;
import org.pramaan.cases.CaseAction;
import org.pramaan.testkit.TestImages;

/** {@code GET /v1/reports/{kind}} on a real server: admin only, traceable JSON, CSV, its audit digest, hostile params refused by name. */
class ReportRoutesTest extends ServerTestBase {
    @Test
    void anAdminGetsTheMonthlyReportWithItsIdsAndTheAuditedDigest() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(100, 80, 51)));
        String caseId = notice("IN_3_2_B_COMPLAINT", media);
        clock.advance(Duration.ofMinutes(40));
        app.cases().act(caseId, CaseAction.REMOVE, Actor.key("rev"), "report route test");

        assertThat(api.get("/v1/reports/in-monthly?month=2026-03", reviewer).status())
                .isEqualTo(403);
        ApiClient.Response r = api.get("/v1/reports/in-monthly?month=2026-03", ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("period").path("from").asText()).isEqualTo("2026-02-28T18:30:00Z");
        JsonNode received = figure(r.json(), "complaints.received");
        assertThat(received.path("value").asLong()).isEqualTo(1);
        assertThat(received.path("ids").get(0).asText()).isEqualTo(caseId);
        assertThat(figure(r.json(), "time_to_action.median_seconds")
                        .path("value")
                        .asLong())
                .isEqualTo(2400);
        String digest = ReportsTest.sha256(r.raw());
        assertThat(app.audit().forSubject("report:in-monthly:2026-03"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains(digest));

        ApiClient.Response csv = api.get("/v1/reports/in-monthly?month=2026-03&format=csv", ADMIN);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw()).startsWith("report,period_from,period_to,zone,section,");
        assertThat(csv.raw()).contains(",complaints.received,Complaints and orders received,1,count,1\r\n");

        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        apiBase() + "/v1/reports/in-monthly?month=2026-03&format=pdf"))
                                .header("Authorization", "Bearer " + ADMIN)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        String pdfDigest = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf.body()));
        assertThat(pdf.headers().firstValue("X-Report-SHA256")).contains(pdfDigest);
        assertThat(app.audit().forSubject("report:in-monthly:2026-03"))
                .anySatisfy(e -> assertThat(e.details()).contains(pdfDigest).contains("\"format\":\"pdf\""));
    }

    @Test
    void hostileParametersAreRefusedByName() throws Exception {
        refused("/v1/reports/in-monthly?month=2026-13", "month", "month 13");
        refused("/v1/reports/in-monthly?month=26-03", "month", "YYYY-MM");
        refused("/v1/reports/in-monthly?month=" + "9".repeat(100), "month", "the limit is 32");
        refused("/v1/reports/in-monthly?month=2026-02&month=2026-01", "month", "given 2 times");
        refused("/v1/reports/in-monthly?mnth=2026-02", "mnth", "unknown parameter");
        refused("/v1/reports/in-monthly?from=2026-02-01&to=2026-02-28", "month", "calendar-month report");
        refused("/v1/reports/in-monthly?month=2026-04", "month", "starts in the future");
        refused("/v1/reports/in-weekly?month=2026-02", "kind", "unknown report kind");
        refused("/v1/reports/dsa?from=2026-02-01&to=2026-01-01", "to", "is before from");
        refused("/v1/reports/dsa?from=2024-01-01&to=2025-12-31", "to", "at most 366");
        refused("/v1/reports/dsa?from=2026-02-30&to=2026-03-01", "from", "no calendar date");
        refused("/v1/reports/dsa?from=2026-01-01", "to", "required");
        refused("/v1/reports/dsa?month=2026-01&from=2026-01-01", "from", "not both");
        refused("/v1/reports/cn?month=2026-02&format=xlsx", "format", "json, csv, html or pdf");
        assertThat(app.audit().forSubject("report:dsa:2026-01-01..2026-01-31")).isEmpty();
    }

    private void refused(String path, String field, String message) throws Exception {
        ApiClient.Response r = api.get(path, ADMIN);
        assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(400);
        assertThat(r.json().path("error").path("field").asText()).as(path).isEqualTo(field);
        assertThat(r.json().path("error").path("message").asText()).as(path).contains(message);
    }

    private static JsonNode figure(JsonNode report, String key) {
        for (JsonNode s : report.path("sections"))
            for (JsonNode f : s.path("figures")) if (f.path("key").asText().equals(key)) return f;
        throw new AssertionError("no figure " + key);
    }
}

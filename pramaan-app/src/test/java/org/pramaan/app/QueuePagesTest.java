package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Actor;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.NoticeRequest;

/**
 * The console's queue page and the API's case list read one page from the case store (issue 13 speed); both must show
 * exactly the cases, in exactly the order, that the in-memory queue ({@link CaseQueue#open}) gives, on a real server.
 */
class QueuePagesTest extends ServerTestBase {
    private static final List<String> TYPES =
            List.of("IN_3_2_B_COMPLAINT", "IN_3_1_D_ORDER", "IN_3_2_A_GRIEVANCE", "IN_3_1_B_REMOVAL_REQUEST");

    /** 230 open cases of four notice types received over the past six hours, so some 2-hour clocks have breached. */
    private void seed() throws Exception {
        String media = upload(TestMedia.cameraJpeg(5));
        for (int i = 0; i < 230; i++) {
            java.time.Instant received = clock.instant().minus(Duration.ofMinutes((i * 37L) % 360));
            app.cases()
                    .openCase(new NoticeRequest(
                            TYPES.get(i % TYPES.size()),
                            media,
                            Map.of("n", Integer.toString(i)),
                            Optional.of(received)));
        }
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        String marker = "<a class=\"case-link\" href=\"/cases/";
        for (int i = html.indexOf(marker); i >= 0; i = html.indexOf(marker, i + 1)) {
            int from = i + marker.length();
            ids.add(html.substring(from, html.indexOf('"', from)));
        }
        return ids;
    }

    private List<String> reference(CaseQueue.Filter filter) {
        return new CaseQueue(app.cases())
                .open(filter, Actor.operator("test")).stream().map(CaseFile::id).toList();
    }

    @Test
    void everyQueuePageShowsTheInMemoryQueueSlice() throws Exception {
        seed();
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        List<String> all = reference(CaseQueue.Filter.ALL);
        assertThat(all).hasSize(230);
        for (int page = 1; page <= 3; page++) {
            HttpResponse<String> r = c.get("/queue?page=" + page);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(ids(r.body()))
                    .as("page %d", page)
                    .containsExactlyElementsOf(all.subList((page - 1) * 100, Math.min(230, page * 100)));
        }
        assertThat(c.get("/queue?page=4").statusCode()).isEqualTo(400);

        CaseQueue.Filter breachedComplaints = new CaseQueue.Filter(
                Optional.of("IN"),
                Optional.of("IN_3_2_B_COMPLAINT"),
                Optional.of(CaseQueue.State.BREACHED),
                Optional.of(new CaseQueue.Assignment.Unassigned()),
                Optional.empty());
        List<String> breached = reference(breachedComplaints);
        assertThat(breached).isNotEmpty().hasSizeLessThan(58);
        HttpResponse<String> filtered =
                c.get("/queue?jurisdiction=IN&type=IN_3_2_B_COMPLAINT&state=breached&assigned=none");
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(ids(filtered.body())).containsExactlyElementsOf(breached);
    }

    @Test
    void theCaseListPagesWithOffsetAndLimitAndCountsEveryMatch() throws Exception {
        seed();
        List<String> all = reference(CaseQueue.Filter.ALL);
        ApiClient.Response whole = api.get("/v1/cases", reviewer);
        List<String> listed = new ArrayList<>();
        whole.json().forEach(n -> listed.add(n.path("id").asText()));
        assertThat(listed).containsExactlyElementsOf(all);

        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apiBase() + "/v1/cases?offset=100&limit=20"))
                                .header("Authorization", "Bearer " + reviewer)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Total-Count")).contains("230");
        List<String> got = new ArrayList<>();
        org.pramaan.json.Json.mapper()
                .readTree(page.body())
                .forEach(n -> got.add(n.path("id").asText()));
        assertThat(got).containsExactlyElementsOf(all.subList(100, 120));

        for (String bad : List.of("limit=0", "offset=-1", "limit=1.5", "offset=x"))
            assertThat(api.get("/v1/cases?" + bad, reviewer).status()).as(bad).isEqualTo(400);
    }
}

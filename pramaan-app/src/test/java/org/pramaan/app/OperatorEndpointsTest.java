package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What an operator expects of the running service: readiness, access log, metrics with HELP, rate limits. Real server, real HTTP. */
class OperatorEndpointsTest extends ServerTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    /** The clock checker's first pass runs on the scheduler right after start; wait for that event (bounded), not for a deadline. */
    private static <T> T eventually(Callable<T> probe, Predicate<T> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = probe.call();
        while (!done.test(last) && System.nanoTime() < until) {
            Thread.sleep(20);
            last = probe.call();
        }
        return last;
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBase() + path));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void restart(Map<String, String> env) throws Exception {
        stop();
        start(env);
        ingest = app.keys().create(org.pramaan.access.Role.INGEST, "uploads").secret();
        reviewer = app.keys()
                .create(org.pramaan.access.Role.REVIEWER, "trust & safety")
                .secret();
    }

    @Test
    void readyzIsReadyWithoutAKeyOnceTheClockCheckerHasRun() throws Exception {
        ApiClient.Response r = eventually(() -> api.get("/readyz", null), x -> x.status() == 200);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("checks").toString()).contains("database", "pdq_index", "clock_checker");
        assertThat(api.get("/healthz", null).status()).isEqualTo(200);
    }

    @Test
    void readyzIs503NamingTheClockCheckerWhenItHasNotRunForThreeIntervals() throws Exception {
        // An hour between passes: after the first one, nothing runs again during the test, as when the checker is
        // stuck.
        restart(Map.of("PRAMAAN_CASES_CLOCK_CHECK_INTERVAL", "PT1H"));
        assertThat(eventually(() -> api.get("/readyz", null), x -> x.status() == 200)
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofHours(3));
        assertThat(api.get("/readyz", null).status())
                .as("exactly three intervals is still ready")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        ApiClient.Response r = api.get("/readyz", null);
        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.json().path("status").asText()).isEqualTo("unavailable");
        assertThat(r.json().path("failing").has("clock_checker")).as(r.raw()).isTrue();
        assertThat(r.json().path("failing").has("database")).as(r.raw()).isFalse();
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("service.not_ready");
        assertThat(api.get("/healthz", null).status())
                .as("liveness is not readiness")
                .isEqualTo(200);
    }

    @Test
    void readyzIs503NamingTheDatabaseWhenItDoesNotAnswer() throws Exception {
        assertThat(eventually(() -> api.get("/readyz", null), x -> x.status() == 200)
                        .status())
                .isEqualTo(200);
        ((org.pramaan.store.sqlite.EmbeddedStore) app.adapters()).database().close();
        ApiClient.Response r = api.get("/readyz", null);
        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.json().path("failing").path("database").asText()).isNotBlank();
    }

    @Test
    void everyRequestLogsOneAccessLineWithTheRouteTemplateAndKeyIdButNeverTheKey() throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger("pramaan.http.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        try {
            String keyId = app.keys().authenticate(reviewer).orElseThrow().keyId();
            assertThat(api.get("/v1/cases/case-that-does-not-exist-42", reviewer)
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/v1/cases", null).status()).isEqualTo(401);
            List<ILoggingEvent> got = eventually(() -> List.copyOf(lines.list), l -> l.size() >= 2);
            assertThat(got).hasSize(2);
            ILoggingEvent first = got.get(0);
            Map<String, Object> kv = new HashMap<>();
            first.getKeyValuePairs().forEach(p -> kv.put(p.key, p.value));
            assertThat(kv)
                    .containsEntry("method", "GET")
                    .containsEntry("route", "/v1/cases/{id}")
                    .containsEntry("status", 404)
                    .containsEntry("keyId", keyId)
                    .containsKey("durationMs");
            assertThat(Double.parseDouble((String) kv.get("durationMs"))).isGreaterThanOrEqualTo(0);
            assertThat(first.getFormattedMessage())
                    .startsWith("GET /v1/cases/{id} 404 ")
                    .contains("key=" + keyId);
            for (ILoggingEvent e : got) {
                assertThat(e.getFormattedMessage())
                        .doesNotContain(reviewer)
                        .doesNotContain("case-that-does-not-exist-42");
                assertThat(String.valueOf(e.getKeyValuePairs())).doesNotContain(reviewer);
            }
            assertThat(got.get(1).getFormattedMessage())
                    .startsWith("GET /v1/cases 401 ")
                    .contains("key=-");
        } finally {
            access.detachAppender(lines);
        }
    }

    @Test
    void metricsCarryJvmProcessAndRouteSeriesEachWithHelpText() throws Exception {
        assertThat(api.get("/v1/cases", reviewer).status()).isEqualTo(200);
        // The request timer is recorded after the response has gone; wait until the scrape shows it.
        ApiClient.Response scrape =
                eventually(() -> api.get("/metrics", null), r -> r.raw().contains("route=\"/v1/cases\""));
        String text = scrape.raw();
        for (String series : List.of(
                "jvm_memory_used_bytes",
                "jvm_gc_",
                "jvm_threads_live_threads",
                "jvm_classes_loaded_classes",
                "process_cpu_usage",
                "system_cpu_count",
                "process_uptime_seconds",
                "process_files_open_files",
                "pramaan_http_requests_seconds",
                "pramaan_cases_open")) {
            assertThat(text).as(series).contains(series);
        }
        assertThat(text)
                .containsPattern(
                        "pramaan_http_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*route=\"/v1/cases\"[^}]*status=\"200\"");
        Matcher type = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(text);
        int types = 0;
        while (type.find()) {
            types++;
            String name = type.group(1);
            assertThat(text).as("HELP of " + name).containsPattern("(?m)^# HELP " + Pattern.quote(name) + " \\S");
        }
        assertThat(types).isGreaterThan(20);
    }

    @Test
    void aKeyOverItsRoleBurstGets429WithRetryAfterUntilTheClockRefillsIt() throws Exception {
        restart(Map.of(
                "PRAMAAN_HTTP_RATE_LIMIT_ENABLED",
                "true",
                "PRAMAAN_HTTP_RATE_LIMIT_INGEST_PER_SECOND",
                "0.5",
                "PRAMAAN_HTTP_RATE_LIMIT_INGEST_BURST",
                "3"));
        for (int i = 0; i < 3; i++)
            assertThat(get("/v1/notice-types", ingest).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("/v1/notice-types", ingest);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(refused.body())
                .contains("\"code\":\"request.rate_limited\"")
                .contains("ingest")
                .contains("burst");
        assertThat(refused.headers().firstValue("Retry-After"))
                .as("one token at 0.5/s takes 2 s")
                .contains("2");
        // Other keys have buckets of their own.
        assertThat(get("/v1/notice-types", reviewer).statusCode()).isNotEqualTo(429);
        clock.advance(Duration.ofMillis(1999));
        assertThat(get("/v1/notice-types", ingest).statusCode()).isEqualTo(429);
        clock.advance(Duration.ofMillis(1));
        assertThat(get("/v1/notice-types", ingest).statusCode()).isEqualTo(200);
        assertThat(get("/v1/notice-types", ingest).statusCode()).isEqualTo(429);
    }

    @Test
    void failedAuthenticationsFromOneAddressAreLimitedBeforeAnyKeyIsChecked() throws Exception {
        restart(Map.of(
                "PRAMAAN_HTTP_RATE_LIMIT_ENABLED",
                "true",
                "PRAMAAN_HTTP_RATE_LIMIT_AUTH_FAILURES_PER_SECOND",
                "1",
                "PRAMAAN_HTTP_RATE_LIMIT_AUTH_FAILURES_BURST",
                "2"));
        assertThat(get("/v1/cases", "pmn_guess_0000000000000000000001").statusCode())
                .isEqualTo(401);
        assertThat(get("/v1/cases", null).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = get("/v1/cases", "pmn_guess_0000000000000000000002");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        // While the address is throttled even a right key is not looked at, or a guesser could tell a hit by its 200.
        assertThat(get("/v1/cases", reviewer).statusCode()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(get("/v1/cases", reviewer).statusCode()).isEqualTo(200);
        assertThat(get("/readyz", null).statusCode())
                .as("public routes are not limited")
                .isIn(200, 503);
    }

    @Test
    void rateLimitsCanBeTurnedOff() throws Exception {
        restart(Map.of("PRAMAAN_HTTP_RATE_LIMIT_ENABLED", "false", "PRAMAAN_HTTP_RATE_LIMIT_INGEST_BURST", "1"));
        for (int i = 0; i < 5; i++)
            assertThat(get("/v1/notice-types", ingest).statusCode()).isEqualTo(200);
    }
}

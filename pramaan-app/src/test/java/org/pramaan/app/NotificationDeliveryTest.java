package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.delivery.WebhookSender;
import org.pramaan.intake.UploadContext;
import org.pramaan.json.Json;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryState;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.HttpReceiver;
import org.pramaan.testkit.TestImages;

/**
 * Case events leave through the outbox over real channels: a signed webhook to a real HTTP
 * receiver, e-mail to a real SMTP server (GreenMail) on loopback, and statements of reasons to a
 * stand-in Transparency Database; with retries, dead letters and at-least-once delivery.
 */
class NotificationDeliveryTest {
    static final String SECRET = "webhook-secret-0123456789";

    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-09-01T08:00:00Z");
    HttpReceiver hook;
    HttpReceiver tdb;
    GreenMail smtp;
    Embedded app;
    String media;

    @BeforeEach
    void start() throws Exception {
        hook = new HttpReceiver();
        tdb = new HttpReceiver();
        tdb.answerByDefault(201, "{\"uuid\":\"8f1c0e2a-0000-4000-8000-000000000001\"}");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> env = new HashMap<>(Map.of(
                "PRAMAAN_NOTIFY_WEBHOOK_URL",
                hook.url("/pramaan-events"),
                "PRAMAAN_NOTIFY_WEBHOOK_SECRET",
                SECRET,
                "PRAMAAN_NOTIFY_SMTP_HOST",
                "127.0.0.1",
                "PRAMAAN_NOTIFY_SMTP_PORT",
                Integer.toString(smtp.getSmtp().getPort()),
                "PRAMAAN_NOTIFY_SMTP_FROM",
                "grievance@platform.example",
                "PRAMAAN_NOTIFY_TRANSPARENCY_DB_URL",
                tdb.url(""),
                "PRAMAAN_NOTIFY_TRANSPARENCY_DB_TOKEN",
                "tdb-token-1"));
        app = new Embedded(ServerTestBase.config(dir, env), clock);
        Path f = java.nio.file.Files.write(dir.resolve("x.png"), TestImages.png(TestImages.photo(120, 90, 21)));
        media = app.intake()
                .ingest(f, new UploadContext(Optional.of("u-1"), Optional.of("post-1"), Optional.empty()))
                .media()
                .id();
    }

    @AfterEach
    void stop() {
        app.close();
        hook.close();
        tdb.close();
        smtp.stop();
    }

    CaseFile euNotice(Map<String, String> extra) {
        Map<String, String> f = new HashMap<>(Map.of(
                "substantiated_explanation",
                "a deepfake of me",
                "exact_url",
                "https://example.org/p/1",
                "notifier_name",
                "A. Person",
                "notifier_email",
                "a.person@example.org",
                "bona_fide_statement",
                "yes"));
        f.putAll(extra);
        return app.cases().openCase(new NoticeRequest("EU_DSA_ART16_NOTICE", media, f, Optional.empty()));
    }

    @Test
    void everyCaseEventReachesThePlatformSignedWithItsEventId() throws Exception {
        CaseFile c = euNotice(Map.of());
        CaseFile removed = app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "deepfake");
        app.dispatcher().deliverDue();
        List<HttpReceiver.Request> events = hook.requests().stream()
                .filter(r -> r.body().contains("\"type\":\"case."))
                .toList();
        assertThat(events)
                .extracting(r -> Json.mapper().readTree(r.body()).path("type").asText())
                .containsExactly(removed.events().stream()
                        .map(e -> "case." + e.wireName())
                        .toArray(String[]::new));
        for (int i = 0; i < events.size(); i++) {
            HttpReceiver.Request r = events.get(i);
            assertThat(r.header(WebhookSender.EVENT_HEADER)).isEqualTo(c.id() + "/" + (i + 1));
            String[] sig = r.header(WebhookSender.SIGNATURE_HEADER).split(",");
            long t = Long.parseLong(sig[0].substring(2));
            assertThat(sig[1])
                    .isEqualTo("v1=" + WebhookSender.sign(SECRET.getBytes(StandardCharsets.UTF_8), t, r.body()));
            assertThat(sig[1])
                    .isNotEqualTo("v1="
                            + WebhookSender.sign("another-secret-0123".getBytes(StandardCharsets.UTF_8), t, r.body()));
        }
        JsonNode sor = events.stream()
                .map(r -> read(r.body()))
                .filter(j -> j.path("type").asText().equals("case.statement_of_reasons"))
                .findFirst()
                .orElseThrow();
        assertThat(sor.path("data")
                        .path("statement")
                        .path("decision_visibility")
                        .get(0)
                        .asText())
                .isEqualTo("DECISION_VISIBILITY_CONTENT_REMOVED");
    }

    @Test
    void theUploaderIsToldOfTheRestrictionThroughThePlatformAndTheComplainantByEmail() throws Exception {
        CaseFile c = euNotice(Map.of());
        app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "non-consensual deepfake");
        app.dispatcher().deliverDue();
        JsonNode toUploader = hook.requests().stream()
                .map(r -> read(r.body()))
                .filter(j -> j.path("type").asText().equals("notification.requested"))
                .findFirst()
                .orElseThrow();
        assertThat(toUploader.path("recipient").path("accountId").asText()).isEqualTo("u-1");
        assertThat(toUploader.path("kind").asText()).isEqualTo("restriction");
        assertThat(toUploader.path("text").asText())
                .contains("the content was removed")
                .contains("non-consensual deepfake")
                .contains(c.id());
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails)
                .extracting(MimeMessage::getSubject)
                .containsExactly("We received your complaint " + c.id(), "Decision on your complaint " + c.id());
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("a.person@example.org");
        assertThat(mails[0].getContent().toString()).contains("tracking number is " + c.id());
    }

    @Test
    void aComplainantWhoAsksForHindiGetsHindi() throws Exception {
        CaseFile c = euNotice(Map.of("language", "hi"));
        app.dispatcher().deliverDue();
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("आपकी शिकायत " + c.id() + " हमें प्राप्त हुई");
        assertThat(m.getContent().toString()).contains("आपकी ट्रैकिंग संख्या " + c.id() + " है");
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntilItAccepts() {
        hook.thenAnswer(500, "down").thenAnswer(503, "still down");
        CaseFile c = euNotice(Map.of());
        Delivery opened = webhookOf(c, 1);
        assertThat(app.dispatcher().deliverDue().retrying()).isPositive();
        assertThat(find(opened).attempts()).isEqualTo(1);
        assertThat(find(opened).lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("HTTP 500"));
        clock.advance(Duration.ofSeconds(9));
        app.dispatcher().deliverDue();
        assertThat(find(opened).attempts())
                .as("not due before its 10 s backoff")
                .isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        app.dispatcher().deliverDue();
        assertThat(find(opened).attempts()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(30));
        app.dispatcher().deliverDue();
        assertThat(find(opened).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(find(opened).attempts()).isEqualTo(3);
        assertThat(app.audit().forSubject("case:" + c.id()))
                .anyMatch(e ->
                        e.type().equals("delivery.delivered") && e.details().contains(opened.id()));
    }

    @Test
    void aRefusedMessageGoesToTheDeadLetterListAndCanBeRetried() {
        hook.answerByDefault(400, "{\"error\":\"unknown shape\"}");
        CaseFile c = euNotice(Map.of());
        app.dispatcher().deliverDue();
        Delivery opened = webhookOf(c, 1);
        assertThat(find(opened).state()).as("a 400 will not change on a retry").isEqualTo(DeliveryState.DEAD);
        assertThat(app.adapters().deliveries().withState(DeliveryState.DEAD, 10))
                .extracting(Delivery::id)
                .contains(opened.id());
        hook.answerByDefault(200, "{}");
        app.dispatcher().retry(opened.id(), "key:admin");
        app.dispatcher().deliverDue();
        assertThat(find(opened).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(app.audit().forSubject("case:" + c.id()))
                .extracting(e -> e.type())
                .contains("delivery.dead_lettered", "delivery.retried", "delivery.delivered");
    }

    @Test
    void aMessageThatKeepsFailingIsDeadLetteredAfterEveryBackoffStep() {
        hook.answerByDefault(503, "maintenance");
        CaseFile c = euNotice(Map.of());
        Delivery opened = webhookOf(c, 1);
        for (int i = 0; i <= org.pramaan.notify.Dispatcher.BACKOFF.size(); i++) {
            app.dispatcher().deliverDue();
            clock.advance(Duration.ofHours(9));
        }
        assertThat(find(opened).state()).isEqualTo(DeliveryState.DEAD);
        assertThat(find(opened).attempts()).isEqualTo(org.pramaan.notify.Dispatcher.BACKOFF.size() + 1);
    }

    @Test
    void aRepeatedDeliveryCarriesTheSameEventIdSoTheReceiverCanDropIt() {
        // The receiver accepts but the answer is lost (a timeout after processing): at-least-once means a resend.
        hook.thenAnswer(500, "processed, but the reply failed");
        CaseFile c = euNotice(Map.of());
        app.dispatcher().deliverDue();
        clock.advance(Duration.ofSeconds(10));
        app.dispatcher().deliverDue();
        List<String> ids = hook.requests().stream()
                .filter(r -> r.body().contains("\"type\":\"case.opened\""))
                .map(r -> r.header(WebhookSender.EVENT_HEADER))
                .toList();
        assertThat(ids).containsExactly(c.id() + "/1", c.id() + "/1");
        Set<String> distinct = hook.requests().stream()
                .map(r -> r.header(WebhookSender.EVENT_HEADER)
                        + read(r.body()).path("type").asText())
                .collect(Collectors.toSet());
        assertThat(distinct).hasSizeLessThan(hook.requests().size());
    }

    @Test
    void euStatementsOfReasonsAreSubmittedToTheTransparencyDatabase() throws Exception {
        CaseFile c = euNotice(Map.of());
        app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "deepfake");
        app.dispatcher().deliverDue();
        assertThat(tdb.requests()).hasSize(1);
        HttpReceiver.Request r = tdb.requests().get(0);
        assertThat(r.path()).isEqualTo("/api/v1/statement");
        assertThat(r.header("Authorization")).isEqualTo("Bearer tdb-token-1");
        JsonNode s = Json.mapper().readTree(r.body());
        assertThat(s.path("puid").asText()).isEqualTo(c.id() + "-1");
        assertThat(s.path("source_type").asText()).isEqualTo("SOURCE_ARTICLE_16");
        Delivery d = app.adapters().deliveries().forCase(c.id()).stream()
                .filter(x -> x.kind().equals("dsa.statement_of_reasons"))
                .findFirst()
                .orElseThrow();
        assertThat(d.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(d.response()).hasValueSatisfying(v -> assertThat(v).contains("8f1c0e2a"));
    }

    @Test
    void theDatabaseRefusingAStatementDeadLettersItWithTheReason() {
        tdb.answerByDefault(422, "{\"message\":\"The puid has already been taken.\"}");
        CaseFile c = euNotice(Map.of());
        app.cases().act(c.id(), CaseAction.LABEL, org.pramaan.access.Actor.key("r"), "synthetic");
        app.dispatcher().deliverDue();
        Delivery d = app.adapters().deliveries().forCase(c.id()).stream()
                .filter(x -> x.kind().equals("dsa.statement_of_reasons"))
                .findFirst()
                .orElseThrow();
        assertThat(d.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(d.lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("422").contains("puid has already been taken"));
    }

    @Test
    void theEvidenceBundleListsTheMessagesDelivered() throws Exception {
        CaseFile c = euNotice(Map.of());
        app.dispatcher().deliverDue();
        byte[] zip = app.bundles().export(c.id(), false, org.pramaan.access.Actor.key("r"));
        String deliveries = new String(EvidenceBundleTest.unzip(zip).get("deliveries.json"), StandardCharsets.UTF_8);
        JsonNode list = Json.mapper().readTree(deliveries);
        assertThat(list).isNotEmpty();
        assertThat(list).allSatisfy(d -> assertThat(d.path("state").asText()).isEqualTo("DELIVERED"));
        assertThat(list).extracting(d -> d.path("channel").asText()).contains("WEBHOOK", "EMAIL");
    }

    private Delivery webhookOf(CaseFile c, int event) {
        return app.adapters().deliveries().forCase(c.id()).stream()
                .filter(d ->
                        d.eventId().equals(c.id() + "/" + event) && d.kind().startsWith("case."))
                .findFirst()
                .orElseThrow();
    }

    private Delivery find(Delivery d) {
        return app.adapters().deliveries().find(d.id()).orElseThrow();
    }

    private static JsonNode read(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

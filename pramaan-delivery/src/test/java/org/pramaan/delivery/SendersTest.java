package org.pramaan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryException;

/** How each sender classifies failures: retry what may pass later, dead-letter what cannot. */
class SendersTest {
    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Delivery to(Channel ch, String destination) {
        return Delivery.pending(
                "EU-1/1",
                "x",
                ch,
                destination,
                "EU-1",
                "case.opened",
                "subject",
                "{}",
                Instant.parse("2026-09-01T00:00:00Z"));
    }

    @Test
    void anUnreachableReceiverIsRetriedNotDeadLettered() throws Exception {
        int port = closedPort();
        WebhookSender hook = new WebhookSender("sixteen-characters", Clock.systemUTC());
        assertThatThrownBy(() -> hook.send(to(Channel.WEBHOOK, "http://127.0.0.1:" + port + "/e")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("cannot reach")
                .satisfies(e -> assertThat(((DeliveryException) e).permanent()).isFalse());
        SmtpSender mail = new SmtpSender(new SmtpSender.Settings(
                "127.0.0.1", port, "noreply@platform.example", Optional.empty(), Optional.empty(), false));
        assertThatThrownBy(() -> mail.send(to(Channel.EMAIL, "someone@example.org")))
                .isInstanceOf(DeliveryException.class)
                .satisfies(e -> assertThat(((DeliveryException) e).permanent()).isFalse());
    }

    @Test
    void aMalformedAddressIsPermanentAndBadSettingsFailAtOnce() {
        SmtpSender mail = new SmtpSender(new SmtpSender.Settings(
                "127.0.0.1", 25, "noreply@platform.example", Optional.empty(), Optional.empty(), false));
        assertThatThrownBy(() -> mail.send(to(Channel.EMAIL, "not an address")))
                .isInstanceOf(DeliveryException.class)
                .satisfies(e -> assertThat(((DeliveryException) e).permanent()).isTrue());
        assertThatThrownBy(() -> new WebhookSender("short", Clock.systemUTC()))
                .hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> new TransparencyDbSender(" ")).hasMessageContaining("API token");
        assertThatThrownBy(() -> new SmtpSender(
                        new SmtpSender.Settings("h", 25, "@@", Optional.empty(), Optional.empty(), false)))
                .hasMessageContaining("'@@'");
    }

    @Test
    void theSignatureCoversTimestampAndBody() {
        byte[] key = "sixteen-characters".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String s = WebhookSender.sign(key, 1_780_000_000L, "{\"id\":\"EU-1/1\"}");
        // Known answer from Python: hmac.new(key, b'1780000000.{"id":"EU-1/1"}', hashlib.sha256).hexdigest()
        assertThat(s).isEqualTo("03e577ae862e73ee4ab75b16162d8153f44b43633e903441858cea2a6692b4a6");
        assertThat(s)
                .isNotEqualTo(WebhookSender.sign(key, 1_780_000_001L, "{\"id\":\"EU-1/1\"}"))
                .isNotEqualTo(WebhookSender.sign(key, 1_780_000_000L, "{\"id\":\"EU-1/2\"}"));
    }
}

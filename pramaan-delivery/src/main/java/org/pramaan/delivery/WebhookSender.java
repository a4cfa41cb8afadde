package org.pramaan.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryException;
import org.pramaan.notify.Sender;

/**
 * POSTs a message's JSON to the host platform's webhook. Each request carries
 * {@code Pramaan-Event-Id} (deduplicate on it: delivery is at least once) and
 * {@code Pramaan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}; the timestamp in
 * the signed text lets a receiver refuse replays of old requests.
 */
public final class WebhookSender implements Sender {
    public static final String SIGNATURE_HEADER = "Pramaan-Signature";
    public static final String EVENT_HEADER = "Pramaan-Event-Id";
    private final byte[] secret;
    private final HttpClient http;
    private final Clock clock;

    public WebhookSender(String secret, Clock clock) {
        if (secret.length() < 16) throw new IllegalArgumentException("a webhook secret needs at least 16 characters");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public String send(Delivery d) throws DeliveryException {
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.destination()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(EVENT_HEADER, d.eventId())
                .header(SIGNATURE_HEADER, "t=" + t + ",v1=" + sign(secret, t, d.body()))
                .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
                .build();
        return HttpDelivery.send(http, request, d.destination());
    }

    /** The signature a receiver recomputes with the shared secret to check a request. */
    public static String sign(byte[] secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}

package org.pramaan.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryException;
import org.pramaan.notify.Sender;

/**
 * DSA art.24(5): submits a statement of reasons to the Commission's Transparency Database API
 * ({@code POST <base>/api/v1/statement} with the platform's bearer token). The database refuses an
 * invalid statement with 422, which is permanent: the statement goes to the dead-letter list with
 * the database's explanation, for a person to correct.
 */
public final class TransparencyDbSender implements Sender {
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TransparencyDbSender(String token) {
        if (token.isBlank()) throw new IllegalArgumentException("the Transparency Database needs an API token");
        this.token = token;
    }

    @Override
    public Channel channel() {
        return Channel.TRANSPARENCY_DB;
    }

    @Override
    public String send(Delivery d) throws DeliveryException {
        String url = org.pramaan.limits.PlainText.withoutTrailingSlashes(d.destination()) + "/api/v1/statement";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
                .build();
        return HttpDelivery.send(http, request, url);
    }
}

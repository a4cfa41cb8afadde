package org.pramaan.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.pramaan.notify.DeliveryException;

/** Sends one request and maps the answer: 2xx accepted; 408, 429 and 5xx retried; other 4xx permanent. */
final class HttpDelivery {
    private static final int MAX_ERROR_BODY = 500;

    private HttpDelivery() {}

    static String send(HttpClient http, HttpRequest request, String where) throws DeliveryException {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException(
                    "cannot reach " + where + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    false,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending to " + where, false, e);
        }
        int s = r.statusCode();
        if (s >= 200 && s < 300) return "HTTP " + s + (r.body().isBlank() ? "" : " " + clip(r.body()));
        boolean permanent = s >= 400 && s < 500 && s != 408 && s != 429;
        throw new DeliveryException(
                where + " answered HTTP " + s + (r.body().isBlank() ? "" : ": " + clip(r.body())), permanent);
    }

    private static String clip(String s) {
        String one = org.pramaan.limits.PlainText.collapseSpaces(s);
        return one.length() <= MAX_ERROR_BODY ? one : one.substring(0, MAX_ERROR_BODY) + "…";
    }
}

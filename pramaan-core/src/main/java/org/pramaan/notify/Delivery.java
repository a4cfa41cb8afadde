package org.pramaan.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message in the outbox.
 *
 * @param id            unique per event, channel and recipient; enqueueing the same id twice stores it once
 * @param eventId       the case event it reports ({@code <caseId>/<n>}); receivers deduplicate on it
 * @param channel       how it is sent
 * @param destination   URL or e-mail address
 * @param caseId        the case it belongs to (for the evidence bundle)
 * @param kind          what it says, e.g. {@code case.escalated}, {@code notify.acknowledgement}
 * @param subject       a subject line (e-mail) or empty
 * @param body          the payload: JSON for webhooks and the database, text for e-mail
 * @param state         pending, delivered or dead
 * @param attempts      sending attempts so far
 * @param createdAt     when it was enqueued
 * @param nextAttemptAt when the dispatcher should next try (pending only)
 * @param deliveredAt   when a receiver accepted it
 * @param lastError     the last failure, as the receiver or the network reported it
 * @param response      what the receiver answered on success (e.g. the database's statement uuid)
 */
public record Delivery(
        String id,
        String eventId,
        Channel channel,
        String destination,
        String caseId,
        String kind,
        String subject,
        String body,
        DeliveryState state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Optional<Instant> deliveredAt,
        Optional<String> lastError,
        Optional<String> response) {
    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(response, "response");
    }

    /**
     * A new pending message, due at once. Its id is made from the event, channel, kind and
     * {@code recipient}, so the same change enqueued twice (a replay) is stored once.
     */
    public static Delivery pending(
            String eventId,
            String recipient,
            Channel channel,
            String destination,
            String caseId,
            String kind,
            String subject,
            String body,
            Instant now) {
        String id = channel.name().toLowerCase(java.util.Locale.ROOT) + ":" + eventId + ":" + kind + ":" + recipient;
        return new Delivery(
                id,
                eventId,
                channel,
                destination,
                caseId,
                kind,
                subject,
                body,
                DeliveryState.PENDING,
                0,
                now,
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    Delivery delivered(Instant at, String answer) {
        return new Delivery(
                id,
                eventId,
                channel,
                destination,
                caseId,
                kind,
                subject,
                body,
                DeliveryState.DELIVERED,
                attempts + 1,
                createdAt,
                at,
                Optional.of(at),
                lastError,
                Optional.of(answer));
    }

    Delivery failed(String error, Optional<Instant> retryAt) {
        return new Delivery(
                id,
                eventId,
                channel,
                destination,
                caseId,
                kind,
                subject,
                body,
                retryAt.isPresent() ? DeliveryState.PENDING : DeliveryState.DEAD,
                attempts + 1,
                createdAt,
                retryAt.orElse(nextAttemptAt),
                deliveredAt,
                Optional.of(error),
                response);
    }

    /** Still pending, but not due before {@code until}: a dispatcher's claim while it sends (issue 15). */
    Delivery claimedUntil(Instant until) {
        return new Delivery(
                id,
                eventId,
                channel,
                destination,
                caseId,
                kind,
                subject,
                body,
                state,
                attempts,
                createdAt,
                until,
                deliveredAt,
                lastError,
                response);
    }

    /** Back from the dead-letter list, due now; its attempt count is kept for the record. */
    Delivery requeued(Instant now) {
        return new Delivery(
                id,
                eventId,
                channel,
                destination,
                caseId,
                kind,
                subject,
                body,
                DeliveryState.PENDING,
                attempts,
                createdAt,
                now,
                deliveredAt,
                lastError,
                response);
    }
}

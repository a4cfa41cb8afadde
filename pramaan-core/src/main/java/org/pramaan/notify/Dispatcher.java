package org.pramaan.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.audit.AuditLog;

/**
 * Delivers due outbox messages at least once. A message is marked delivered only after its
 * receiver accepted it, so a crash between sending and marking sends it again; the event id in
 * every message lets the receiver drop the repeat. Failures are retried on {@link #BACKOFF};
 * permanent failures, and messages that fail every retry, move to the dead-letter list.
 */
public final class Dispatcher {
    /** Waits before the 2nd, 3rd, … attempt: quick at first (a receiver restarting), then hours (an outage). */
    public static final List<Duration> BACKOFF = List.of(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(4),
            Duration.ofHours(8));

    private static final int BATCH = 100;

    private final DeliveryRepository outbox;
    private final Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
    private final AuditLog audit;
    private final Clock clock;

    public Dispatcher(DeliveryRepository outbox, List<Sender> senders, AuditLog audit, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one pass did. */
    public record Pass(int delivered, int retrying, int deadLettered) {}

    /** Tries every message due now, in batches, and returns the counts. */
    public synchronized Pass deliverDue() {
        int delivered = 0;
        int retrying = 0;
        int dead = 0;
        Instant start = clock.instant();
        List<Delivery> due;
        do {
            due = claim(start);
            for (int i = 0; i < due.size(); i++) {
                Delivery d = due.get(i);
                Delivery after = attempt(d);
                // The new state and its audit entry commit together (the send itself is outside: at least once).
                try {
                    audit.unitOfWork().run(() -> {
                        outbox.save(after);
                        record(after);
                        return null;
                    });
                } catch (RuntimeException e) {
                    release(due.subList(i, due.size())); // this one was sent unrecorded: due again at once
                    throw e;
                }
                switch (after.state()) {
                    case DELIVERED -> delivered++;
                    case PENDING -> retrying++;
                    case DEAD -> dead++;
                }
            }
            // Retries were rescheduled after `start`, so each pass tries a message at most once.
        } while (due.size() == BATCH);
        return new Pass(delivered, retrying, dead);
    }

    /**
     * How long a claimed message stays away from other dispatchers: longer than any sender's timeout (webhooks 10 s),
     * so it only matters when the claiming node dies mid-send; then another node sends it once this has passed.
     */
    static final Duration CLAIM = Duration.ofMinutes(2);

    /**
     * Claims the due messages in one unit (issue 15): read with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, their next
     * attempt moved past {@link #CLAIM} before the unit commits, so several nodes sharing one outbox never send the
     * same message in the same pass. Each is sent by the node that claimed it.
     */
    private List<Delivery> claim(Instant now) {
        return audit.unitOfWork().run(() -> {
            List<Delivery> found = outbox.due(now, BATCH);
            Instant until = clock.instant().plus(CLAIM);
            for (Delivery d : found) outbox.save(d.claimedUntil(until));
            return found;
        });
    }

    /** Puts claimed messages back as they were (due), best effort: otherwise they wait out their claim. */
    private void release(List<Delivery> claimed) {
        try {
            audit.unitOfWork().run(() -> {
                claimed.forEach(outbox::save);
                return null;
            });
        } catch (RuntimeException ignored) {
            // the store is failing too; the claims end after CLAIM and another pass sends them
        }
    }

    private Delivery attempt(Delivery d) {
        Sender sender = senders.get(d.channel());
        if (sender == null) return d.failed("no " + d.channel() + " sender is configured", Optional.empty());
        try {
            return d.delivered(clock.instant(), sender.send(d));
        } catch (DeliveryException e) {
            return d.failed(e.getMessage(), e.permanent() ? Optional.empty() : retryAt(d.attempts() + 1));
        } catch (RuntimeException e) {
            return d.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), retryAt(d.attempts() + 1));
        }
    }

    /** After {@code attempts} failed tries, when to try again; empty once every backoff step is used. */
    private Optional<Instant> retryAt(int attempts) {
        return attempts > BACKOFF.size()
                ? Optional.empty()
                : Optional.of(clock.instant().plus(BACKOFF.get(attempts - 1)));
    }

    private void record(Delivery d) {
        switch (d.state()) {
            case DELIVERED ->
                audit.append(
                        "delivery.delivered",
                        "case:" + d.caseId(),
                        AuditLog.details(
                                "delivery",
                                d.id(),
                                "channel",
                                d.channel().name(),
                                "kind",
                                d.kind(),
                                "attempts",
                                d.attempts(),
                                "response",
                                d.response().orElse("")));
            case DEAD ->
                audit.append(
                        "delivery.dead_lettered",
                        "case:" + d.caseId(),
                        AuditLog.details(
                                "delivery",
                                d.id(),
                                "channel",
                                d.channel().name(),
                                "kind",
                                d.kind(),
                                "attempts",
                                d.attempts(),
                                "error",
                                d.lastError().orElse("")));
            case PENDING -> {}
        }
    }

    /** An operator sends a dead letter again (after fixing the receiver). */
    public synchronized Delivery retry(String id, String actor) {
        Delivery d = outbox.find(id)
                .orElseThrow(() -> new org.pramaan.errors.Invalid(
                        "id", "no delivery with id '" + id + "'")); // 400, as openapi.json documents
        if (d.state() != DeliveryState.DEAD)
            throw new org.pramaan.errors.Conflict(
                    org.pramaan.errors.Conflict.REQUEST_CONFLICT,
                    "delivery " + id + " is " + d.state() + "; only dead letters can be retried");
        Delivery again = d.requeued(clock.instant());
        return audit.unitOfWork().run(() -> {
            outbox.save(again);
            audit.append("delivery.retried", "case:" + d.caseId(), AuditLog.details("delivery", id, "actor", actor));
            return again;
        });
    }
}

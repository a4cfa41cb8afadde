package org.pramaan.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small typed, synchronous, in-process event bus. Subscribers name the record class they want, so
 * no event is a string and no subscriber casts.
 * <ul>
 *   <li>{@link #publish} calls every subscriber of the event's class on the publishing thread, in
 *       the order they subscribed, and returns when all have run. The publisher decides where that
 *       is (intake publishes after its unit of work committed, outside the store lock).</li>
 *   <li>A subscriber that throws a {@link RuntimeException} does not stop the others: every
 *       subscriber runs, then the first failure is rethrown with the later ones attached as
 *       {@linkplain Throwable#getSuppressed() suppressed}. An {@link Error} is not caught.</li>
 *   <li>Subscribing while an event is being published is safe; the new subscriber hears the next
 *       event, not the one in flight.</li>
 * </ul>
 * Records are final, so a subscription matches exactly one event class.
 */
public final class EventBus {
    private record Subscription<E extends Record>(Class<E> type, Consumer<? super E> subscriber) {
        void deliver(Record event) {
            subscriber.accept(type.cast(event));
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    /** {@code subscriber} is called with every {@code type} event published from now on. */
    public <E extends Record> void subscribe(Class<E> type, Consumer<? super E> subscriber) {
        subscriptions.add(new Subscription<>(
                Objects.requireNonNull(type, "type"), Objects.requireNonNull(subscriber, "subscriber")));
    }

    /**
     * Tells every subscriber of the event's class, in subscription order.
     *
     * @throws RuntimeException the first subscriber's failure, after every subscriber ran
     */
    public <E extends Record> void publish(E event) {
        Objects.requireNonNull(event, "event");
        RuntimeException first = null;
        List<RuntimeException> later = new ArrayList<>();
        for (Subscription<?> s : subscriptions) {
            if (s.type() != event.getClass()) continue;
            try {
                s.deliver(event);
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else later.add(e);
            }
        }
        if (first != null) {
            for (RuntimeException e : later) first.addSuppressed(e);
            throw first;
        }
    }
}

package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.notify.DeliveryState;

/** Contract for {@link DeliveryRepository} adapters (the notification outbox). */
public abstract class DeliveryRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract DeliveryRepository createRepository(Path dir);

    static Delivery pending(String event, String caseId, java.time.Instant at) {
        return Delivery.pending(
                event,
                "platform",
                Channel.WEBHOOK,
                "http://127.0.0.1:1/hook",
                caseId,
                "case.opened",
                "",
                "{\"id\":\"" + event + "\"}",
                at);
    }

    @Test
    void enqueueingTheSameMessageTwiceStoresItOnce() {
        DeliveryRepository repo = createRepository(dir);
        Delivery d = pending("IN-1/1", "IN-1", Samples.T0);
        repo.enqueue(d);
        repo.enqueue(d);
        assertThat(repo.forCase("IN-1")).containsExactly(d);
        assertThat(repo.find(d.id())).contains(d);
        assertThat(repo.find("nope")).isEmpty();
    }

    @Test
    void dueListsPendingMessagesByDueTimeThenEnqueueOrder() {
        DeliveryRepository repo = createRepository(dir);
        Delivery a = pending("IN-1/1", "IN-1", Samples.T0);
        Delivery b = pending("IN-1/2", "IN-1", Samples.T0);
        Delivery later = pending("IN-2/1", "IN-2", Samples.T0.plus(Duration.ofMinutes(5)));
        repo.enqueue(later);
        repo.enqueue(a);
        repo.enqueue(b);
        assertThat(repo.due(Samples.T0, 10)).containsExactly(a, b);
        assertThat(repo.due(Samples.T0, 1)).containsExactly(a);
        assertThat(repo.due(Samples.T0.plus(Duration.ofMinutes(5)), 10)).containsExactly(a, b, later);
        assertThat(repo.forCase("IN-1")).containsExactly(a, b);
    }

    @Test
    void savedStatesLeaveTheDueListAndAreListedByState() {
        DeliveryRepository repo = createRepository(dir);
        Delivery a = pending("IN-1/1", "IN-1", Samples.T0);
        Delivery b = pending("IN-1/2", "IN-1", Samples.T0);
        repo.enqueue(a);
        repo.enqueue(b);
        Delivery dead = new Delivery(
                a.id(),
                a.eventId(),
                a.channel(),
                a.destination(),
                a.caseId(),
                a.kind(),
                a.subject(),
                a.body(),
                DeliveryState.DEAD,
                10,
                a.createdAt(),
                a.nextAttemptAt(),
                Optional.empty(),
                Optional.of("HTTP 500"),
                Optional.empty());
        repo.save(dead);
        assertThat(repo.due(Samples.T0.plusSeconds(60), 10)).containsExactly(b);
        assertThat(repo.withState(DeliveryState.DEAD, 10)).containsExactly(dead);
        assertThat(repo.withState(DeliveryState.PENDING, 10)).containsExactly(b);
        assertThat(repo.find(a.id())).contains(dead);
    }
}

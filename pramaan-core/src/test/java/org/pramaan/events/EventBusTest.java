package org.pramaan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {
    record Uploaded(String id) {}

    record Removed(String id) {}

    private final EventBus bus = new EventBus();
    private final List<String> heard = new ArrayList<>();

    @Test
    void subscribersOfTheEventsClassHearItInSubscriptionOrderAndNoOneElseDoes() {
        bus.subscribe(Uploaded.class, e -> heard.add("first " + e.id()));
        bus.subscribe(Removed.class, e -> heard.add("removed " + e.id()));
        bus.subscribe(Uploaded.class, e -> heard.add("second " + e.id()));
        // Consumer<? super E>: a subscriber written for any record takes the type it subscribed with.
        java.util.function.Consumer<Record> any = e -> heard.add("any " + e);
        bus.subscribe(Uploaded.class, any);

        bus.publish(new Uploaded("a"));
        assertThat(heard).containsExactly("first a", "second a", "any Uploaded[id=a]");
        heard.clear();
        bus.publish(new Removed("b"));
        assertThat(heard).containsExactly("removed b");
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthersAndTheFirstFailureIsRethrownAfterAllRan() {
        IllegalStateException first = new IllegalStateException("first failed");
        IllegalArgumentException second = new IllegalArgumentException("third failed");
        bus.subscribe(Uploaded.class, e -> {
            heard.add("1");
            throw first;
        });
        bus.subscribe(Uploaded.class, e -> heard.add("2"));
        bus.subscribe(Uploaded.class, e -> {
            heard.add("3");
            throw second;
        });
        bus.subscribe(Uploaded.class, e -> heard.add("4"));

        assertThatThrownBy(() -> bus.publish(new Uploaded("a"))).isSameAs(first);
        assertThat(heard).as("every subscriber ran").containsExactly("1", "2", "3", "4");
        assertThat(first.getSuppressed())
                .as("later failures are kept on the first")
                .containsExactly(second);
    }

    @Test
    void anErrorIsNotCaughtAndStopsDeliveryAtOnce() {
        bus.subscribe(Uploaded.class, e -> {
            throw new StackOverflowError("deep");
        });
        bus.subscribe(Uploaded.class, e -> heard.add("after"));
        assertThatThrownBy(() -> bus.publish(new Uploaded("a"))).isInstanceOf(StackOverflowError.class);
        assertThat(heard).isEmpty();
    }

    @Test
    void aSubscriberAddedWhilePublishingHearsTheNextEventOnly() {
        bus.subscribe(Uploaded.class, e -> {
            heard.add("outer " + e.id());
            if (e.id().equals("a")) bus.subscribe(Uploaded.class, x -> heard.add("inner " + x.id()));
        });
        bus.publish(new Uploaded("a"));
        assertThat(heard).containsExactly("outer a");
        bus.publish(new Uploaded("b"));
        assertThat(heard).containsExactly("outer a", "outer b", "inner b");
    }

    @Test
    void publishingWithNoSubscriberIsANoOpAndNullsAreRefused() {
        bus.publish(new Uploaded("nobody listens"));
        assertThat(heard).isEmpty();
        assertThatThrownBy(() -> bus.publish(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("event");
        assertThatThrownBy(() -> bus.subscribe(Uploaded.class, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("subscriber");
    }
}

package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.ProtectedPersons;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.contracts.ProtectedPersonsContract;
import org.pramaan.testkit.memory.MemoryStore;

/**
 * Issue 16: an index built with a clock follows enrolments and deletions made through another node's registry (here:
 * written to the store directly, behind the index's back) by polling the store's change marker at most once per
 * refresh interval, by the injected clock.
 */
class LikenessRefreshTest {
    /** Counts the marker reads and the full reads, to show the interval bounds the polling. */
    static final class Counting implements ProtectedPersons {
        final ProtectedPersons inner;
        final AtomicInteger revisions = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();

        Counting(ProtectedPersons inner) {
            this.inner = inner;
        }

        @Override
        public void save(ProtectedPerson person) {
            inner.save(person);
        }

        @Override
        public Optional<ProtectedPerson> find(String id) {
            return inner.find(id);
        }

        @Override
        public List<ProtectedPerson> all() {
            reads.incrementAndGet();
            return inner.all();
        }

        @Override
        public boolean delete(String id) {
            return inner.delete(id);
        }

        @Override
        public long revision() {
            revisions.incrementAndGet();
            return inner.revision();
        }
    }

    final FakeClock clock = FakeClock.at("2026-06-01T10:00:00Z");
    final Counting store = new Counting(MemoryStore.create().likeness());
    final LikenessIndex index = new LikenessIndex(store, clock, Duration.ofMillis(1000));

    private boolean matchesA() {
        return index.best(LikenessModality.FACE, "arcface-test", "1.0", ProtectedPersonsContract.unit(32, 1), 0.9)
                .isPresent();
    }

    @Test
    void anEnrolmentElsewhereIsMatchedOnceTheIntervalHasPassedAndADeletionStopsMatchingTheSameWay() {
        index.reload();
        assertThat(matchesA()).isFalse();
        // Another node enrols: the index compared the marker just now, so it waits for the interval.
        store.save(ProtectedPersonsContract.person("pp_a", Optional.empty(), ProtectedPersonsContract.unit(32, 1)));
        clock.advance(Duration.ofMillis(999));
        assertThat(matchesA()).as("within the interval the snapshot stands").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(matchesA())
                .as("at the interval the moved marker makes it re-read")
                .isTrue();

        store.delete("pp_a");
        clock.advance(Duration.ofMillis(1000));
        assertThat(matchesA())
                .as("an erasure elsewhere stops matches after one interval")
                .isFalse();
        assertThat(index.size()).isZero();
    }

    @Test
    void anEmptyIndexLearnsOfAFirstEnrolmentElsewhereThroughItsSize() {
        // Screening asks the size first and skips the search when it is zero: the size must follow the marker too.
        index.reload();
        assertThat(index.size()).isZero();
        store.save(ProtectedPersonsContract.person("pp_a", Optional.empty(), ProtectedPersonsContract.unit(32, 1)));
        assertThat(index.size()).as("within the interval").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(index.size()).isOne();
    }

    @Test
    void theMarkerIsReadAtMostOncePerIntervalAndTheRegistryOnlyWhenItMoved() {
        index.reload();
        int revisions = store.revisions.get();
        int reads = store.reads.get();
        for (int i = 0; i < 50; i++) matchesA();
        assertThat(store.revisions.get() - revisions)
                .as("one comparison for 50 searches within one interval")
                .isOne();
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 50; i++) matchesA();
        assertThat(store.revisions.get() - revisions).isEqualTo(2);
        assertThat(store.reads.get())
                .as("nothing changed, so nothing was re-read")
                .isEqualTo(reads);

        store.save(ProtectedPersonsContract.person("pp_b", Optional.empty(), ProtectedPersonsContract.unit(32, 2)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(index.refreshIfChanged()).isTrue();
        assertThat(store.reads.get()).isEqualTo(reads + 1);
        assertThat(index.refreshIfChanged()).as("checked this instant already").isFalse();
    }

    @Test
    void anIndexWithoutAClockFollowsOnlyReloadsAndANegativeIntervalIsRefused() {
        LikenessIndex manual = new LikenessIndex(store);
        manual.reload();
        store.save(ProtectedPersonsContract.person("pp_a", Optional.empty(), ProtectedPersonsContract.unit(32, 1)));
        clock.advance(Duration.ofHours(1));
        assertThat(manual.refreshIfChanged()).isFalse();
        assertThat(manual.size()).isZero();
        LikenessIndex every = new LikenessIndex(store, clock, Duration.ZERO);
        assertThat(every.refreshIfChanged())
                .as("a zero interval compares before every search")
                .isTrue();
        assertThat(every.size()).isOne();
        assertThatThrownBy(() -> new LikenessIndex(store, clock, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

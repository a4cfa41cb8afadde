package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPersons;
import org.pramaan.likeness.Vector;
import org.pramaan.testkit.contracts.ProtectedPersonsContract;
import org.pramaan.testkit.memory.MemoryStore;

/** Issue 16: the in-memory likeness index finds the closest enrolled person at or above the threshold, and only among the same model's vectors. */
class LikenessIndexTest {
    final ProtectedPersons store = MemoryStore.create().likeness();
    final LikenessIndex index = new LikenessIndex(store);

    @Test
    void findsTheMostSimilarPersonAtOrAboveTheThresholdAndNoneBelowIt() {
        store.save(
                ProtectedPersonsContract.person("pp_a", Optional.of("case-1"), ProtectedPersonsContract.unit(32, 1)));
        store.save(ProtectedPersonsContract.person("pp_b", Optional.empty(), ProtectedPersonsContract.unit(32, 2)));
        index.reload();
        assertThat(index.size()).isEqualTo(2);
        Vector face = ProtectedPersonsContract.unit(32, 1);
        LikenessIndex.Match m = index.best(LikenessModality.FACE, "arcface-test", "1.0", face, 0.9)
                .orElseThrow();
        assertThat(m.personId()).isEqualTo("pp_a");
        assertThat(m.caseId()).contains("case-1");
        assertThat(m.similarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        // The same face against a threshold above the other person's similarity only: pp_b is never "best".
        double toB = face.cosine(ProtectedPersonsContract.unit(32, 2));
        assertThat(index.best(
                        LikenessModality.FACE, "arcface-test", "1.0", ProtectedPersonsContract.unit(32, 5), toB + 0.5))
                .isEmpty();
    }

    @Test
    void vectorsOfAnotherModelOrVersionAreNeverCompared() {
        store.save(ProtectedPersonsContract.person("pp_a", Optional.empty(), ProtectedPersonsContract.unit(32, 1)));
        index.reload();
        Vector face = ProtectedPersonsContract.unit(32, 1);
        assertThat(index.best(LikenessModality.FACE, "arcface-test", "2.0", face, 0.5))
                .isEmpty();
        assertThat(index.best(LikenessModality.FACE, "other-model", "1.0", face, 0.5))
                .isEmpty();
        assertThat(index.best(LikenessModality.FACE, "arcface-test", "1.0", face, 0.5))
                .isPresent();
    }

    @Test
    void aDeletedPersonMatchesNothingOnceTheIndexReloads() {
        store.save(ProtectedPersonsContract.person("pp_a", Optional.empty(), ProtectedPersonsContract.unit(32, 1)));
        index.reload();
        store.delete("pp_a");
        index.reload();
        assertThat(index.size()).isZero();
        assertThat(index.best(LikenessModality.FACE, "arcface-test", "1.0", ProtectedPersonsContract.unit(32, 1), 0.5))
                .isEmpty();
    }
}

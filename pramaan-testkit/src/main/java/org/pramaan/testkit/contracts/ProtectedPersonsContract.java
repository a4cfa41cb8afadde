package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.likeness.Consent;
import org.pramaan.likeness.Embedding;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.ProtectedPersons;
import org.pramaan.likeness.Vector;

/**
 * Contract for {@link ProtectedPersons} adapters (the likeness registry, issue 16). Adapters that
 * can be inspected below the port (SQLite, PostgreSQL) also show in their own tests that a deleted
 * person leaves no row.
 */
public abstract class ProtectedPersonsContract {
    @TempDir
    protected Path dir;

    protected abstract ProtectedPersons createRepository(Path dir);

    /** A unit vector of {@code dims} values pointing mostly along axis {@code axis}. */
    public static Vector unit(int dims, int axis) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = i == axis ? 1f : 0.01f * (i % 7);
        double n = 0;
        for (float x : v) n += (double) x * x;
        for (int i = 0; i < dims; i++) v[i] = (float) (v[i] / Math.sqrt(n));
        return Vector.of(v);
    }

    public static ProtectedPerson person(String id, Optional<String> caseId, Vector... vectors) {
        return new ProtectedPerson(
                id,
                "Person " + id,
                "ticket-" + id,
                new Consent("the person", Samples.T0, "consent-doc-" + id),
                caseId,
                java.util.Arrays.stream(vectors)
                        .map(v -> new Embedding(LikenessModality.FACE, "arcface-test", "1.0", v))
                        .toList(),
                Samples.T0,
                Samples.T0.plusSeconds(5));
    }

    @Test
    void storesEmbeddingsConsentAndCaseAndReadsThemBackEqual() {
        ProtectedPersons repo = createRepository(dir);
        assertThat(repo.find("pp_a")).isEmpty();
        assertThat(repo.all()).isEmpty();
        ProtectedPerson a = person("pp_a", Optional.of("case-17"), unit(128, 3), unit(128, 9));
        ProtectedPerson b = person("pp_b", Optional.empty(), unit(512, 0));
        repo.save(b);
        repo.save(a);
        assertThat(repo.find("pp_a")).contains(a);
        assertThat(repo.find("pp_a").orElseThrow().embeddings().get(1).vector()).isEqualTo(unit(128, 9));
        assertThat(repo.find("pp_b").orElseThrow().caseId()).isEmpty();
        assertThat(repo.all()).containsExactly(a, b);
    }

    @Test
    void theRevisionMovesWithEverySaveAndEveryDeletionAndOnlyThen() {
        ProtectedPersons repo = createRepository(dir);
        long start = repo.revision();
        assertThat(repo.revision()).as("reading moves nothing").isEqualTo(start);
        repo.save(person("pp_a", Optional.empty(), unit(64, 1)));
        long enrolled = repo.revision();
        assertThat(enrolled).as("an enrolment moves it").isNotEqualTo(start);
        repo.find("pp_a");
        repo.all();
        assertThat(repo.revision()).isEqualTo(enrolled);
        repo.save(person("pp_a", Optional.of("case-2"), unit(64, 2)));
        long replaced = repo.revision();
        assertThat(replaced).as("a replacement moves it").isNotIn(start, enrolled);
        assertThat(repo.delete("pp_nobody")).isFalse();
        assertThat(repo.revision()).as("deleting no one moves nothing").isEqualTo(replaced);
        assertThat(repo.delete("pp_a")).isTrue();
        assertThat(repo.revision()).as("an erasure moves it").isNotIn(start, enrolled, replaced);
    }

    @Test
    void keepsFaceAndVoiceEmbeddingsOfOnePersonApartByModality() {
        // Issue 16: voice embeddings share the person's row with face embeddings; the modality and the
        // model that made each survive the round trip, so a voice is never compared with a face.
        ProtectedPersons repo = createRepository(dir);
        Embedding face = new Embedding(LikenessModality.FACE, "arcface-test", "1.0", unit(128, 3));
        Embedding voice = new Embedding(LikenessModality.VOICE, "speaker-test", "2.1", unit(32, 5));
        ProtectedPerson p = new ProtectedPerson(
                "pp_v",
                "Person pp_v",
                "ticket-pp_v",
                new Consent("the person", Samples.T0, "consent-doc-pp_v"),
                Optional.empty(),
                List.of(face, voice),
                Samples.T0,
                Samples.T0);
        repo.save(p);
        ProtectedPerson back = repo.find("pp_v").orElseThrow();
        assertThat(back).isEqualTo(p);
        assertThat(back.embeddings())
                .extracting(Embedding::modality)
                .containsExactly(LikenessModality.FACE, LikenessModality.VOICE);
        assertThat(back.count(LikenessModality.VOICE)).isEqualTo(1);
        assertThat(repo.all().get(0).embeddings().get(1)).isEqualTo(voice);
    }

    @Test
    void saveReplacesThePersonWithTheSameId() {
        ProtectedPersons repo = createRepository(dir);
        repo.save(person("pp_a", Optional.empty(), unit(64, 1), unit(64, 2)));
        ProtectedPerson replaced = person("pp_a", Optional.of("case-9"), unit(64, 5));
        repo.save(replaced);
        assertThat(repo.find("pp_a")).contains(replaced);
        assertThat(repo.all()).containsExactly(replaced);
    }

    @Test
    void deleteRemovesThePersonAndEveryEmbeddingAndReportsWhetherThereWasOne() {
        ProtectedPersons repo = createRepository(dir);
        repo.save(person("pp_a", Optional.of("case-1"), unit(64, 1), unit(64, 2)));
        repo.save(person("pp_b", Optional.empty(), unit(64, 3)));
        assertThat(repo.delete("pp_a")).isTrue();
        assertThat(repo.find("pp_a")).isEmpty();
        assertThat(repo.all()).extracting(ProtectedPerson::id).containsExactly("pp_b");
        assertThat(repo.delete("pp_a")).isFalse();
        assertThat(repo.delete("pp_none")).isFalse();
        assertThat(repo.all()).hasSize(1);
        assertThat(repo.all().get(0).embeddings()).hasSize(1);
        List<ProtectedPerson> none = List.of();
        repo.delete("pp_b");
        assertThat(repo.all()).isEqualTo(none);
    }
}

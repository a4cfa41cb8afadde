package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.generation.Consent;
import org.pramaan.generation.GenerationKey;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.generation.GenerationRepository;
import org.pramaan.generation.Modality;
import org.pramaan.generation.RulesShown;

/** Contract for {@link GenerationRepository} adapters. */
public abstract class GenerationRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract GenerationRepository createRepository(Path dir);

    static GenerationRecord record(String id) {
        return new GenerationRecord(
                id,
                "imagegen",
                "2.1",
                "a".repeat(64),
                Optional.of("a cat in a hat"),
                "user-7",
                true,
                "phone",
                List.of("con_1"),
                "JPEG",
                "b".repeat(64),
                Optional.of("c".repeat(64)),
                List.of("sha256", "pdq"),
                List.of("iptc-digital-source-type", "gb45438-aigc"),
                "CN",
                true,
                true,
                Optional.of("310115-AI-2025-01"),
                Optional.empty(),
                "key:k1",
                Samples.T0,
                Samples.T0.plusSeconds(183L * 86400));
    }

    @Test
    void storesAnIdempotencyKeyOncePerScopeWithItsOutput() {
        GenerationRepository repo = createRepository(dir);
        repo.save(record("gen_1"));
        assertThat(repo.key("k1", "retry-1")).isEmpty();
        assertThat(repo.keyedOutput("k1", "retry-1")).isEmpty();
        GenerationKey first = new GenerationKey("k1", "retry-1", "d".repeat(64), "gen_1");
        assertThat(repo.saveKey(first, new byte[] {1, 2, 3})).isTrue();
        // The same key again (a concurrent duplicate) writes nothing: the first record and output stay.
        assertThat(repo.saveKey(new GenerationKey("k1", "retry-1", "e".repeat(64), "gen_2"), new byte[] {9}))
                .isFalse();
        assertThat(repo.key("k1", "retry-1")).contains(first);
        assertThat(repo.keyedOutput("k1", "retry-1"))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        // Keys are scoped per API key: another client may use the same key.
        assertThat(repo.key("k2", "retry-1")).isEmpty();
        assertThat(repo.saveKey(new GenerationKey("k2", "retry-1", "e".repeat(64), "gen_1"), new byte[] {4}))
                .isTrue();
    }

    @Test
    void findsRecordsPastTheirRetentionAndDeletesThemWithTheirKeys() {
        GenerationRepository repo = createRepository(dir);
        GenerationRecord r1 = record("gen_1");
        repo.save(r1);
        repo.save(record("gen_2"));
        long number = repo.allocateNumber("gen_1");
        java.time.Instant until = r1.retainUntil();
        // Kept up to and including retainUntil: a record exactly at the cutoff is not yet due.
        assertThat(repo.retainedUntilBefore(until, 10)).isEmpty();
        assertThat(repo.retainedUntilBefore(until.plusSeconds(1), 10))
                .extracting(GenerationRecord::id)
                .containsExactly("gen_1", "gen_2");
        assertThat(repo.retainedUntilBefore(until.plusSeconds(1), 1)).hasSize(1);
        repo.saveKey(new GenerationKey("k1", "retry-1", "d".repeat(64), "gen_1"), new byte[] {1});

        repo.delete("gen_1");
        assertThat(repo.find("gen_1")).isEmpty();
        assertThat(repo.key("k1", "retry-1")).isEmpty();
        assertThat(repo.keyedOutput("k1", "retry-1")).isEmpty();
        assertThat(repo.findByNumber(number)).isEmpty();
        assertThat(repo.find("gen_2")).isPresent();
        assertThat(repo.allocateNumber("gen_3")).isGreaterThan(number); // numbers are never reused
    }

    @Test
    void storesAndFindsRecordsWithEveryField() {
        GenerationRepository repo = createRepository(dir);
        assertThat(repo.find("gen_1")).isEmpty();
        GenerationRecord r = record("gen_1");
        repo.save(r);
        repo.save(record("gen_2"));
        assertThat(repo.find("gen_1")).contains(r);
        assertThat(repo.find("gen_2")).map(GenerationRecord::id).contains("gen_2");
    }

    @Test
    void numbersAreAssignedInOrderNeverReusedAndFindSavedRecordsOnly() {
        GenerationRepository repo = createRepository(dir);
        long a = repo.allocateNumber("gen_a");
        long b = repo.allocateNumber("gen_b"); // this generation then fails: its number stays used
        long c = repo.allocateNumber("gen_c");
        assertThat(a).isEqualTo(1);
        assertThat(b).isEqualTo(2);
        assertThat(c).isEqualTo(3);
        repo.save(record("gen_a"));
        repo.save(record("gen_c"));
        assertThat(repo.findByNumber(a)).map(GenerationRecord::id).contains("gen_a");
        assertThat(repo.findByNumber(c)).map(GenerationRecord::id).contains("gen_c");
        assertThat(repo.findByNumber(b)).isEmpty();
        assertThat(repo.findByNumber(0)).isEmpty();
        assertThat(repo.findByNumber(99)).isEmpty();
    }

    @Test
    void consentsAreReplacedByIdAndListedPerPersonOldestFirst() {
        GenerationRepository repo = createRepository(dir);
        Consent a =
                new Consent("con_a", "p1", Modality.FACE, "ads", "p1", "doc-1", "key:k", Samples.T0, Optional.empty());
        Consent b = new Consent(
                "con_b",
                "p1",
                Modality.VOICE,
                "ads",
                "p1",
                "doc-2",
                "key:k",
                Samples.T0.plusSeconds(1),
                Optional.empty());
        Consent other =
                new Consent("con_c", "p2", Modality.FACE, "x", "p2", "doc-3", "key:k", Samples.T0, Optional.empty());
        repo.saveConsent(b);
        repo.saveConsent(a);
        repo.saveConsent(other);
        assertThat(repo.consents("p1")).containsExactly(a, b);
        Consent revoked = new Consent(
                "con_a",
                "p1",
                Modality.FACE,
                "ads",
                "p1",
                "doc-1",
                "key:k",
                Samples.T0,
                Optional.of(Samples.T0.plusSeconds(9)));
        repo.saveConsent(revoked);
        assertThat(repo.consent("con_a")).contains(revoked);
        assertThat(repo.consents("p1")).containsExactly(revoked, b);
        assertThat(repo.consent("nope")).isEmpty();
    }

    @Test
    void rulesShownIsOnePerUserAndReplaced() {
        GenerationRepository repo = createRepository(dir);
        RulesShown u1 = new RulesShown("u1", Samples.T0, "hi", Optional.empty());
        repo.saveRulesShown(u1);
        repo.saveRulesShown(new RulesShown("u2", Samples.T0, "en", Optional.empty()));
        RulesShown again = new RulesShown("u1", Samples.T0.plusSeconds(60), "en", Optional.of(Samples.T0));
        repo.saveRulesShown(again);
        assertThat(repo.rulesShown("u1")).contains(again);
        assertThat(repo.allRulesShown()).extracting(RulesShown::userId).containsExactly("u1", "u2");
        assertThat(repo.rulesShown("u3")).isEmpty();
    }
}

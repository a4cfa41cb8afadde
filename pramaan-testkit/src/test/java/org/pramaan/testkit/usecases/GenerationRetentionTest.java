package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditEntry;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.generation.GenerationRetention;

/** Purging generation records after their retention (issue 14 item 3), on the fake clock. */
class GenerationRetentionTest {
    private static final Actor ACTOR = Actor.component("test");
    private static final Duration SIX_MONTHS = Duration.ofDays(183);

    @TempDir
    Path dir;

    private UseCaseFixture f;
    private GenerationRetention retention;

    @BeforeEach
    void wire() {
        f = new UseCaseFixture(dir);
        retention = new GenerationRetention(f.store.generations(), f.audit, f.clock);
    }

    private GenerationRecord saved(String id) {
        Instant now = f.clock.instant();
        GenerationRecord r = new GenerationRecord(
                id,
                "imagegen",
                "2.1",
                "a".repeat(64),
                Optional.empty(),
                "u-1",
                true,
                "phone",
                List.of(),
                "JPEG",
                "b".repeat(64),
                Optional.empty(),
                List.of("sha256"),
                List.of("gb45438-aigc"),
                "CN",
                true,
                true,
                Optional.empty(),
                Optional.empty(),
                "key:k1",
                now,
                now.plus(SIX_MONTHS));
        f.store.generations().save(r);
        return r;
    }

    private List<AuditEntry> purges() {
        return f.audit.forSubject("generations").stream()
                .filter(e -> e.type().equals("generation.purged"))
                .toList();
    }

    @Test
    void aRecordIsKeptUpToItsRetainUntilAndDeletedJustAfterWithAnAuditedCount() {
        GenerationRecord old = saved("gen_old");
        f.clock.advance(Duration.ofDays(1));
        GenerationRecord young = saved("gen_young");

        f.clock.set(old.retainUntil()); // exactly at the boundary: still within its six months
        assertThat(retention.purge(ACTOR)).isZero();
        assertThat(f.store.generations().find("gen_old")).isPresent();
        assertThat(purges()).isEmpty();

        f.clock.advance(Duration.ofMillis(1));
        assertThat(retention.purge(ACTOR)).isEqualTo(1);
        assertThat(f.store.generations().find("gen_old")).isEmpty();
        assertThat(f.store.generations().find("gen_young")).contains(young);
        assertThat(purges())
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"count\":1,"));

        f.clock.set(young.retainUntil().plusSeconds(1));
        assertThat(retention.purge(ACTOR)).isEqualTo(1);
        assertThat(f.store.generations().find("gen_young")).isEmpty();
        assertThat(retention.purge(ACTOR)).isZero(); // nothing left: no empty audit line either
        assertThat(purges()).hasSize(2);
    }

    @Test
    void purgesMoreThanOneBatch() {
        for (int i = 0; i < 450; i++) saved("gen_" + i);
        f.clock.advance(SIX_MONTHS.plusSeconds(1));
        assertThat(retention.purge(ACTOR)).isEqualTo(450);
        assertThat(purges())
                .extracting(AuditEntry::details)
                .satisfiesExactly(
                        d -> assertThat(d).contains("\"count\":200,"),
                        d -> assertThat(d).contains("\"count\":200,"),
                        d -> assertThat(d).contains("\"count\":50,"));
    }
}

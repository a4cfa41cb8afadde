package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.intake.Intake;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaScreened;
import org.pramaan.intake.UploadContext;
import org.pramaan.media.MediaRejectedException;

/** {@link Intake} directly, over the in-memory adapters and a fake clock. */
class IntakeTest {
    @TempDir
    Path dir;

    private UseCaseFixture f;

    @BeforeEach
    void wire() {
        f = new UseCaseFixture(dir);
    }

    @Test
    void recordsTheMediaItsUploadAndOneAuditEntryAndKeepsTheBytes() throws Exception {
        UploadContext ctx = new UploadContext(Optional.of("user-1"), Optional.of("post-9"), Optional.empty());
        MediaScreened r = f.intake.ingest(f.photo(7), ctx);
        MediaRecord m = r.media();
        assertThat(r.newMedia()).isTrue();
        assertThat(f.store.media().find(m.id())).contains(m);
        assertThat(m.firstSeenAt()).isEqualTo(f.clock.instant());
        assertThat(f.store.media().uploads(m.id())).containsExactly(r.upload());
        assertThat(f.store.media().mediaIdForExternalId("post-9")).contains(m.id());
        assertThat(f.auditTypes("media:" + m.id())).containsExactly("media.screened");
        assertThat(Files.readAllBytes(f.blobs.locate(m.id()).orElseThrow())).isEqualTo(Files.readAllBytes(f.photo(7)));

        f.clock.advance(java.time.Duration.ofMinutes(5));
        MediaScreened again = f.intake.ingest(f.photo(7), UploadContext.none());
        assertThat(again.newMedia()).isFalse();
        assertThat(again.media().firstSeenAt()).as("first seen stays").isEqualTo(m.firstSeenAt());
        assertThat(f.store.media().uploads(m.id())).hasSize(2);
    }

    @Test
    void subscribersAreToldAfterTheCommitOutsideAnyUnit() throws Exception {
        List<String> seen = new ArrayList<>();
        f.events.subscribe(MediaScreened.class, r -> {
            // Committed: the record is readable, and this thread holds no unit (a hook registered now runs at once).
            seen.add("stored=" + f.store.media().find(r.media().id()).isPresent());
            f.store.unitOfWork().afterCommit(() -> seen.add("outside a unit"));
        });
        f.intake.ingest(f.photo(3), UploadContext.none());
        assertThat(seen).containsExactly("stored=true", "outside a unit");
    }

    @Test
    void aFailureInsideTheUnitStoresNoRecordAndNoAuditEntryAndTellsNoSubscriber() throws Exception {
        List<MediaScreened> told = new ArrayList<>();
        f.events.subscribe(MediaScreened.class, told::add);
        Path photo = f.photo(4);
        assertThatThrownBy(() -> f.intake.ingest(photo, UploadContext.none(), r -> {
                    throw new IllegalStateException("response not stored");
                }))
                .hasMessage("response not stored");
        assertThat(storedMedia()).isEmpty();
        assertThat(f.allAuditTypes()).doesNotContain("media.screened");
        assertThat(told).isEmpty();
        MediaScreened retried = f.intake.ingest(photo, UploadContext.none());
        assertThat(retried.upload().id())
                .as("the rolled-back upload id is handed out again, as SQLite's AUTOINCREMENT rolls back")
                .isEqualTo(1);
        assertThat(told).containsExactly(retried);
    }

    @Test
    void aFailingSubscriberLeavesTheIntakeRecordedTheOthersToldAndReachesTheCaller() throws Exception {
        List<MediaScreened> told = new ArrayList<>();
        f.events.subscribe(MediaScreened.class, r -> {
            throw new IllegalStateException("subscriber broke");
        });
        f.events.subscribe(MediaScreened.class, told::add);
        assertThatThrownBy(() -> f.intake.ingest(f.photo(8), UploadContext.none()))
                .hasMessage("subscriber broke");
        assertThat(told)
                .as("the next subscriber still ran")
                .singleElement()
                .satisfies(r -> assertThat(f.store.media().find(r.media().id()))
                        .as("committed before anyone was told")
                        .isPresent());
        assertThat(f.allAuditTypes()).containsExactly("media.screened");
    }

    @Test
    void aRefusedUploadIsAuditedAndStoresNothing() throws Exception {
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07});
        assertThatThrownBy(() -> f.intake.ingest(junk, UploadContext.none()))
                .isInstanceOf(MediaRejectedException.class);
        assertThat(f.allAuditTypes()).containsExactly("media.rejected");
        assertThat(storedMedia()).isEmpty();
    }

    private List<MediaRecord> storedMedia() {
        return java.util.Arrays.stream(org.pramaan.intake.MediaStatus.values())
                .flatMap(s -> f.store.media().withStatus(s).stream())
                .toList();
    }
}

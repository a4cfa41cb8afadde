package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.hash.HashBanks;
import org.pramaan.screening.MediaStatus;
import org.pramaan.screening.UploadContext;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;

/** Case rules on the real embedded store with a fake clock. */
class CaseServiceTest {
    @TempDir
    Path dir;
    final FakeClock clock = FakeClock.at("2026-04-01T09:00:00Z");
    Embedded app;
    String media;

    @BeforeEach
    void open() throws Exception {
        app = new Embedded(ServerTestBase.config(dir, Map.of()), clock);
        Path f = java.nio.file.Files.write(dir.resolve("x.png"), TestImages.png(TestImages.photo(120, 90, 21)));
        media = app.apiServices().intake().ingest(f, UploadContext.none()).media().id();
    }

    @AfterEach
    void close() { app.close(); }

    CaseFile open(String type) { return app.cases().openCase(new NoticeRequest(type, media, Map.of(), Optional.empty())); }

    @Test
    void grievanceAcknowledgementStopsOnlyItsOwnClock() {
        CaseFile c = open("IN_3_2_A_GRIEVANCE");
        assertThat(c.clocks()).extracting(k -> Duration.between(k.startedAt(), k.dueAt())).containsExactly(Duration.ofHours(24), Duration.ofDays(7));
        clock.advance(Duration.ofHours(3));
        CaseFile acked = app.cases().act(c.id(), CaseAction.ACKNOWLEDGE, "key:r", "");
        assertThat(acked.state()).isEqualTo(CaseState.OPEN);
        assertThat(acked.clock("acknowledge").orElseThrow().running()).isFalse();
        assertThat(acked.clock("resolve").orElseThrow().running()).isTrue();
        assertThat(acked.nextDeadline()).contains(c.receivedAt().plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> app.cases().act(c.id(), CaseAction.ACKNOWLEDGE, "key:r", "")).hasMessageContaining("no running acknowledgement clock");
    }

    @Test
    void aLateActionIsRecordedAsMissingTheDeadline() {
        CaseFile c = open("IN_3_1_D_ORDER");
        clock.advance(Duration.ofHours(4));
        CaseFile done = app.cases().act(c.id(), CaseAction.REMOVE, "key:r", "");
        assertThat(done.events()).filteredOn(e -> e.type().equals("clock_stopped")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("met", "false"));
        assertThat(done.clock("remove").orElseThrow().breachedBy(clock.instant())).isTrue();
        assertThat(app.store().media().find(media).orElseThrow().status()).isEqualTo(MediaStatus.REMOVED);
        assertThat(app.banks().match(media, Optional.empty())).singleElement().satisfies(m -> assertThat(m.bank()).isEqualTo(HashBanks.REMOVED));
    }

    @Test
    void closedCasesRefuseFurtherActionsAndOnlyRemovalsCanBeRestored() {
        CaseFile dismissed = open("IN_3_1_B_REMOVAL_REQUEST");
        app.cases().act(dismissed.id(), CaseAction.DISMISS, "key:r", "lawful content");
        assertThatThrownBy(() -> app.cases().act(dismissed.id(), CaseAction.REMOVE, "key:r", "")).hasMessageContaining("is closed");
        assertThatThrownBy(() -> app.cases().act(dismissed.id(), CaseAction.RESTORE, "key:r", "")).hasMessageContaining("only a removal can be reversed");
        assertThatThrownBy(() -> app.cases().act("IN-NOPE", CaseAction.REMOVE, "key:r", "")).hasMessageContaining("no case with id 'IN-NOPE'");
        assertThatThrownBy(() -> app.cases().openCase(new NoticeRequest("IN_3_1_D_ORDER", "f".repeat(64), Map.of(), Optional.empty())))
                .hasMessageContaining("no media with id");
        assertThatThrownBy(() -> app.cases().openCase(new NoticeRequest("IN_3_1_D_ORDER", media, Map.of(), Optional.of(clock.instant().plusSeconds(60)))))
                .hasMessageContaining("in the future");
    }

    @Test
    void escalationsMissedWhileDownFireOnceOnTheNextCheckWithTheirDueTimes() {
        CaseFile c = open("IN_3_2_B_COMPLAINT");
        clock.advance(Duration.ofHours(5));
        assertThat(app.cases().checkClocks()).extracting(e -> e.type()).containsExactly("escalated", "escalated", "breached");
        assertThat(app.cases().checkClocks()).isEmpty();
        CaseFile after = app.cases().find(c.id()).orElseThrow();
        assertThat(after.events()).filteredOn(e -> e.type().equals("escalated")).extracting(e -> e.details().get("dueAt"))
                .containsExactly("2026-04-01T10:00:00Z", "2026-04-01T10:30:00Z");
        assertThat(app.audit().verify().valid()).isTrue();
    }
}

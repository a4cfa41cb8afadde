package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.decision.Decision;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadRecord;
import org.pramaan.signals.UploaderDeclaration;

/** Contract for {@link MediaRepository} adapters. */
public abstract class MediaRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract MediaRepository createRepository(Path dir);

    @Test
    void roundTripsEveryFieldAndUpserts() {
        MediaRepository repo = createRepository(dir);
        MediaRecord m = Samples.media("a".repeat(64));
        repo.save(m);
        assertThat(repo.find(m.id())).contains(m);
        repo.save(m.withStatus(MediaStatus.REMOVED));
        assertThat(repo.find(m.id()).orElseThrow().status()).isEqualTo(MediaStatus.REMOVED);
        assertThat(repo.find("b".repeat(64))).isEmpty();
        assertThat(repo.withStatus(MediaStatus.REMOVED))
                .extracting(MediaRecord::id)
                .containsExactly(m.id());
        assertThat(repo.withStatus(MediaStatus.ACTIVE)).isEmpty();
    }

    @Test
    void pagesIdsInAscendingOrderAfterACheckpoint() {
        MediaRepository repo = createRepository(dir);
        assertThat(repo.count()).isZero();
        assertThat(repo.idsAfter("", 10)).isEmpty();
        for (String c : new String[] {"c", "a", "e", "b", "d"}) repo.save(Samples.media(c.repeat(64)));
        repo.save(Samples.media("a".repeat(64))); // replacing one does not count it twice
        assertThat(repo.count()).isEqualTo(5);
        assertThat(repo.idsAfter("", 2)).containsExactly("a".repeat(64), "b".repeat(64));
        assertThat(repo.idsAfter("b".repeat(64), 2)).containsExactly("c".repeat(64), "d".repeat(64));
        assertThat(repo.idsAfter("d".repeat(64), 10)).containsExactly("e".repeat(64));
        assertThat(repo.idsAfter("e".repeat(64), 10)).isEmpty();
    }

    @Test
    void numbersUploadsAndFindsLatestByExternalId() {
        MediaRepository repo = createRepository(dir);
        repo.save(Samples.media("a".repeat(64)));
        repo.save(Samples.media("b".repeat(64)));
        UploadRecord u1 = repo.addUpload(new UploadRecord(
                0,
                "a".repeat(64),
                Samples.T0,
                Optional.of("user-1"),
                Optional.of("post-9"),
                Optional.of(new UploaderDeclaration(true, "made with a generator")),
                Decision.LABEL));
        UploadRecord u2 = repo.addUpload(new UploadRecord(
                0,
                "b".repeat(64),
                Samples.T0.plusSeconds(1),
                Optional.empty(),
                Optional.of("post-9"),
                Optional.empty(),
                Decision.ALLOW));
        assertThat(u2.id()).isGreaterThan(u1.id());
        assertThat(repo.uploads("a".repeat(64))).containsExactly(u1);
        assertThat(repo.mediaIdForExternalId("post-9")).contains("b".repeat(64));
        assertThat(repo.mediaIdForExternalId("post-0")).isEmpty();
    }
}

package org.pramaan.testkit.usecases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pramaan.assessment.Assessor;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.AvMatchPolicy;
import org.pramaan.banks.HashBanks;
import org.pramaan.cases.CaseListener;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.Retention;
import org.pramaan.cases.RulePack;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.events.EventBus;
import org.pramaan.hash.PdqHasher;
import org.pramaan.intake.Intake;
import org.pramaan.intake.Screener;
import org.pramaan.intake.UploadContext;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.image.StandardStillImageDecoder;
import org.pramaan.signals.AvHasher;
import org.pramaan.signals.PdqExtractor;
import org.pramaan.signals.SignalExtractors;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;
import org.pramaan.testkit.memory.MemoryBlobStore;
import org.pramaan.testkit.memory.MemoryStore;

/**
 * The intake and case use cases wired as the composition root wires them, over the in-memory
 * adapters and a fake clock: no SQLite, no HTTP. Lives in the testkit's tests because pramaan-core
 * cannot depend on the testkit (the testkit depends on core).
 */
final class UseCaseFixture {
    /** After the amended IT Rules (20 Feb 2026) and the TAKE IT DOWN Act clock (19 May 2026) took effect. */
    static final String START = "2026-06-01T10:00:00Z";

    final FakeClock clock = FakeClock.at(START);
    final MemoryStore store = MemoryStore.create();
    final MemoryBlobStore blobs;
    final AuditLog audit = new AuditLog(store.audit(), clock, store.unitOfWork());
    final HashBanks banks =
            new HashBanks(store.banks(), clock, Optional.empty(), AvMatchPolicy.DEFAULT, store.unitOfWork());
    final PdqExtractor pdq = new PdqExtractor(new PdqHasher(), new StandardStillImageDecoder());
    final Screener screener = new Screener(
            MediaProber.standard(),
            MediaLimits.defaults(),
            SignalExtractors.standard(pdq, AvHasher.none(), List.of(), banks),
            new Assessor(),
            JurisdictionPolicy.load("IN"),
            banks,
            pdq,
            AvHasher.none());
    final EventBus events = new EventBus();
    final Intake intake;
    final CaseService cases;
    private final Path dir;

    /** {@code listeners} are told of every case change inside its unit of work, as the notification outbox is. */
    UseCaseFixture(Path dir, CaseListener... listeners) {
        this.dir = dir;
        this.blobs = new MemoryBlobStore(dir.resolve("blobs"));
        this.intake = new Intake(screener, store.media(), blobs, audit, clock, events);
        CaseService.Dependencies deps = CaseService.Dependencies.of(
                        List.of(RulePack.load("IN"), RulePack.load("US")),
                        store.cases(),
                        store.media(),
                        banks,
                        audit,
                        clock,
                        store.unitOfWork())
                .withRetention(new Retention(store.holds(), store.media(), blobs, audit, clock))
                .withAccounts(store.accounts())
                .withLabels(store.reviewLabels());
        for (CaseListener l : listeners) deps = deps.withListener(l);
        this.cases = new CaseService(deps, events);
    }

    /** A JPEG photo on disk, different per seed. */
    Path photo(long seed) {
        try {
            return Files.write(
                    dir.resolve("upload-" + seed + ".jpg"), TestImages.jpeg(TestImages.photo(320, 240, seed), 0.9f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a photo and returns its media id. */
    String upload(long seed) {
        try {
            return intake.ingest(photo(seed), UploadContext.none()).media().id();
        } catch (Exception e) {
            throw new AssertionError("the test photo was refused", e);
        }
    }

    List<String> auditTypes(String subject) {
        return audit.forSubject(subject).stream().map(AuditEntry::type).toList();
    }

    List<String> allAuditTypes() {
        List<String> types = new java.util.ArrayList<>();
        audit.forEach(e -> types.add(e.type()));
        return types;
    }
}

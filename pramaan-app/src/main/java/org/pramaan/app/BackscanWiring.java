package org.pramaan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ServiceLoader;
import org.pramaan.adapters.Adapters;
import org.pramaan.adapters.ObjectSourceProvider;
import org.pramaan.audit.AuditLog;
import org.pramaan.backscan.BackScans;
import org.pramaan.backscan.BankAdditionScans;
import org.pramaan.backscan.ObjectSource;
import org.pramaan.backscan.ScanExecutor;
import org.pramaan.backscan.ScanPolicy;
import org.pramaan.backscan.ScanRunner;
import org.pramaan.backscan.StoredMediaIndex;
import org.pramaan.banks.HashBanks;
import org.pramaan.cases.CaseService;
import org.pramaan.events.EventBus;
import org.pramaan.intake.MediaScreened;
import org.pramaan.intake.Screener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-scans wired from the store (issue 17 part 2): the use cases, the background executor the server
 * starts (it resumes RUNNING jobs), and, with {@code backscan.on-bank-addition}, the trigger that scans
 * the stored media near newly banked items, through a stored-media PDQ index kept current from newly
 * screened media.
 */
public record BackscanWiring(BackScans scans, ScanRunner runner, ScanExecutor executor, BankAdditionScans trigger) {
    private static final Logger LOG = LoggerFactory.getLogger(BackscanWiring.class);

    static BackscanWiring wire(
            PramaanConfig config,
            Adapters store,
            Screener screener,
            HashBanks banks,
            CaseService cases,
            AuditLog audit,
            Clock clock,
            EventBus events,
            String nodeId)
            throws IOException {
        PramaanConfig.Backscan b = config.banks().backscan();
        BackScans.Parts parts = new BackScans.Parts(
                store.scans(),
                store.media(),
                store.blobs(),
                screener,
                banks,
                cases,
                audit,
                new BackscanFetch(
                        b, Files.createDirectories(config.storage().dataDir().resolve("tmp"))),
                b.scans(),
                clock,
                objects(b, config.storage().dataDir()));
        // Issue 15: the runner leases each job for node.live-for, so one node works it and another takes it over.
        ScanRunner runner =
                new ScanRunner(parts, nodeId, config.storage().node().liveFor());
        ScanExecutor executor = new ScanExecutor(runner, store.scans(), e -> LOG.error("back-scan batch failed", e));
        BackScans scans = new BackScans(parts, executor::submit);
        StoredMediaIndex index = new StoredMediaIndex(store.media());
        BankAdditionScans trigger = new BankAdditionScans(scans, index, ScanPolicy.REVIEW);
        events.subscribe(MediaScreened.class, e -> {
            if (e.newMedia()) index.add(e.media());
        });
        if (b.onBankAddition())
            banks.onItemsAdded(items -> executor.submitTask(() -> trigger.added(items)
                    .forEach(j -> LOG.info(
                            "bank addition: back-scan {} of {} stored media",
                            j.id(),
                            j.counts().total()))));
        return new BackscanWiring(scans, runner, executor, trigger);
    }

    /** The object-source provider named {@code name} on the class path (the S3 one is in pramaan-blob-s3). */
    static java.util.Optional<ObjectSourceProvider> objectProvider(String name) {
        for (ObjectSourceProvider p :
                ServiceLoader.load(ObjectSourceProvider.class, BackscanWiring.class.getClassLoader()))
            if (p.name().equals(name)) return java.util.Optional.of(p);
        return java.util.Optional.empty();
    }

    /** The platform's object storage for bucket-prefix scans, when {@code backscan.s3.*} configures it. */
    private static ObjectSource objects(PramaanConfig.Backscan b, java.nio.file.Path dataDir) throws IOException {
        if (b.s3().isEmpty()) return ObjectSource.none();
        ObjectSourceProvider p = objectProvider("s3").orElseThrow();
        return p.open(b.s3().get(), Files.createDirectories(dataDir.resolve("tmp")));
    }
}

package org.pramaan.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.pramaan.access.ApiKeys;
import org.pramaan.access.Role;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankCuration;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.banks.HashBanks;
import org.pramaan.cli.CliRuntime;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.hash.PdqHasher;
import org.pramaan.intake.Screener;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;

/**
 * The CLI's view of the embedded deployment; the store is opened only by commands that need it.
 * Opening it takes the data directory's lock (issue 11 defect 8), so while a server runs every such
 * command, reading or writing, fails with the store's one-line refusal naming the directory and the
 * server's PID (picocli's handler prints it, exit 2); commands that never call {@link #app()} take no lock.
 */
final class EmbeddedRuntime implements CliRuntime {
    private final PramaanConfig config;
    private final Clock clock;
    private final PrintStream console;
    private Embedded app;

    EmbeddedRuntime(PramaanConfig config, Clock clock, PrintStream console) {
        this.config = config;
        this.clock = clock;
        this.console = console;
    }

    private synchronized Embedded app() {
        if (app == null) {
            try {
                app = new Embedded(config, clock);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot open the data directory " + config.storage().dataDir() + ": " + e.getMessage(), e);
            }
        }
        return app;
    }

    /** Scanning must not create a data directory; with none, nothing is banked yet. */
    @Override
    public Screener screener() {
        if (Embedded.exists(config)) return app().screener();
        return Embedded.screener(
                config,
                JurisdictionPolicy.load(config.policy().jurisdiction()),
                new HashBanks(new NoBanks(), clock, NoBanks.NOTHING_TO_COMMIT),
                EmbeddedAdaptersProvider.decoders(),
                clock);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public MediaProber prober() {
        return MediaProber.standard();
    }

    @Override
    public MediaLimits limits() {
        return config.limits();
    }

    @Override
    public org.pramaan.banks.BankFiles.Limits bankImports() {
        return config.banks().imports();
    }

    @Override
    public PdqHasher pdqHasher() {
        return new PdqHasher();
    }

    @Override
    public org.pramaan.media.decode.VideoDecoder videoDecoder() {
        return EmbeddedAdaptersProvider.decoders().video().orElseThrow();
    }

    @Override
    public java.util.Optional<org.pramaan.media.decode.AudioDecoder> audioDecoder() {
        return EmbeddedAdaptersProvider.decoders().audio();
    }

    @Override
    public java.util.Optional<String> filingNumber() {
        return config.provenance().filingNumber();
    }

    @Override
    public java.util.Optional<org.pramaan.labels.VideoLabelWriter> videoLabels() {
        return EmbeddedAdaptersProvider.videoLabels();
    }

    @Override
    public java.util.Optional<org.pramaan.watermark.VideoWatermarkWriter> videoWatermark() {
        return EmbeddedAdaptersProvider.videoWatermark();
    }

    @Override
    public java.util.Optional<org.pramaan.labels.AudioLabelWriter> audioLabels() {
        return EmbeddedAdaptersProvider.audioLabels(config.provenance().spokenPrompts());
    }

    @Override
    public java.util.Optional<org.pramaan.labels.WebpEncoder> webpEncoder() {
        return EmbeddedAdaptersProvider.webpEncoder();
    }

    @Override
    public ApiKeys keys() {
        return app().keys();
    }

    @Override
    public java.util.Optional<org.pramaan.provenance.c2pa.C2paSigner> signer() {
        return config.provenance().signer(clock, Embedded.version());
    }

    @Override
    public org.pramaan.generation.GenerationRetention generationRetention() {
        return app().generationRetention();
    }

    @Override
    public org.pramaan.generation.Generations generations() {
        try {
            return app().generationServices(java.nio.file.Files.createDirectories(
                            config.storage().dataDir().resolve("tmp")))
                    .generations();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public AuditLog audit() {
        return app().audit();
    }

    @Override
    public org.pramaan.cases.CaseService cases() {
        return app().cases();
    }

    @Override
    public org.pramaan.reports.Reports reports() {
        return app().reports();
    }

    @Override
    public org.pramaan.detect.ReviewLabels reviewLabels() {
        return app().adapters().reviewLabels();
    }

    @Override
    public org.pramaan.notify.DeliveryRepository deliveries() {
        return app().adapters().deliveries();
    }

    @Override
    public org.pramaan.notify.Dispatcher dispatcher() {
        return app().dispatcher();
    }

    @Override
    public org.pramaan.cases.EvidenceBundles bundles() {
        return app().bundles();
    }

    @Override
    public BankCuration banks() {
        return new BankCuration(app().banks(), app().audit(), clock);
    }

    @Override
    public org.pramaan.intake.Intake intake() {
        return app().intake();
    }

    @Override
    public java.util.Optional<org.pramaan.backscan.BackScans> backScans() {
        return java.util.Optional.of(app().backscan().scans());
    }

    /** Default configuration on {@code dataDir}, as the notice benchmark has always measured it, with this runtime's clock. */
    @Override
    public CliRuntime scratch(java.nio.file.Path dataDir) {
        return new EmbeddedRuntime(
                PramaanConfig.load(
                        java.util.Map.of("PRAMAAN_DATA_DIR", dataDir.toString()), new java.util.Properties()),
                clock,
                console);
    }

    @Override
    public void serve(String host, int port) throws Exception {
        Embedded a = app();
        String h = host.isEmpty() ? config.http().host() : host;
        int p = port < 0 ? config.http().port() : port;
        String adminNote = bootstrapAdmin(a.keys());
        CountDownLatch stopped = new CountDownLatch(1);
        Server server = Server.start(a, h, p);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            // The JVM ends when the hooks do, before the command's own close could run: the index
                            // snapshot, the last audit checkpoint and the store are closed here (issue 11 defect 7).
                            close();
                            stopped.countDown();
                        },
                        "pramaan-shutdown"));
        String shownHost = h.equals("0.0.0.0") ? "localhost" : h;
        console.println("Pramaan is listening on http://" + shownHost + ":" + server.port()
                + "/  (API description: /openapi.json)");
        console.println(
                "Data directory: " + config.storage().dataDir().toAbsolutePath().normalize() + "  (jurisdiction "
                        + config.policy().jurisdiction() + ")");
        console.println(adminNote);
        console.println("Press Ctrl+C to stop.");
        console.flush();
        stopped.await();
    }

    private String bootstrapAdmin(ApiKeys keys) {
        if (config.access().adminKey().isPresent()) {
            keys.register(
                    Role.ADMIN,
                    "configured admin key",
                    config.access().adminKey().get());
            return "Admin API key: the one configured in admin.key / PRAMAAN_ADMIN_KEY";
        }
        if (keys.anyActive(Role.ADMIN)) {
            return "Admin API key: created at first start (create more with: ./pramaan keys create --role admin)";
        }
        ApiKeys.IssuedKey k = keys.create(Role.ADMIN, "generated at first start");
        return "Admin API key (shown once, keep it): " + k.secret();
    }

    @Override
    public synchronized void close() {
        if (app != null) app.close();
        app = null; // closed once, whether by the shutdown hook or the command's end
    }

    /** An empty, read-only bank store for scans without a data directory. */
    private static final class NoBanks implements HashBankRepository {
        /** Every write here is refused before anything is stored, so no unit ever has anything to commit or undo. */
        static final org.pramaan.tx.UnitOfWork NOTHING_TO_COMMIT = new org.pramaan.tx.UnitOfWork() {
            @Override
            public <T> T run(java.util.function.Supplier<T> work) {
                return work.get();
            }

            @Override
            public void afterCommit(Runnable hook) {
                hook.run();
            }
        };

        @Override
        public BankItem add(BankItem item) {
            throw readOnly();
        }

        private static IllegalStateException readOnly() {
            return new IllegalStateException("no data directory: nothing can be banked during a scan");
        }

        @Override
        public List<BankItem> all() {
            return List.of();
        }

        @Override
        public void saveBank(org.pramaan.banks.Bank bank) {
            throw readOnly();
        }

        @Override
        public List<org.pramaan.banks.Bank> banks() {
            return List.of();
        }

        @Override
        public boolean deleteBank(String name) {
            return false;
        }

        @Override
        public List<BankItem> addAll(List<BankItem> items) {
            throw readOnly();
        }

        @Override
        public boolean removeItem(long id) {
            return false;
        }

        @Override
        public int removeMedia(String bank, String mediaId) {
            return 0;
        }
    }
}

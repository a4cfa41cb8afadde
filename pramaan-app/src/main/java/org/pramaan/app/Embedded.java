package org.pramaan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.pramaan.access.ApiKeys;
import org.pramaan.adapters.AdapterRegistry;
import org.pramaan.adapters.Adapters;
import org.pramaan.assessment.Assessor;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankCuration;
import org.pramaan.banks.HashBanks;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.RulePack;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.hash.PdqHasher;
import org.pramaan.http.ApiServices;
import org.pramaan.intake.Intake;
import org.pramaan.intake.Screener;
import org.pramaan.media.MediaProber;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.signals.MetadataSignalExtractor;

/**
 * The composition root: opens the configured store ({@code store}, an {@link Adapters} found through
 * {@link AdapterRegistry}; SQLite + local blobs under the data directory by default) and wires every
 * use case from that interface alone, so a scaled store changes which provider opens, not this class.
 */
public final class Embedded implements AutoCloseable {
    static final String PDQ_INDEX_FILE = "pdq-index.snapshot";
    private final PramaanConfig config;
    private final Clock clock;
    private final Adapters store;
    private final AuditLog audit;
    private final HashBanks banks;
    private final Screener screener;
    private final Intake intake;
    private final CaseService cases;
    private final ApiKeys keys;
    private final org.pramaan.cases.Retention retention;
    private final org.pramaan.notify.Dispatcher dispatcher;
    private final org.pramaan.idempotency.IdempotentRequests idempotency;
    private volatile org.pramaan.console.Console console;
    /** Kept so the console's action preview renders people's messages as delivery does (issue 13). */
    private final org.pramaan.notify.CaseNotifier notifier;
    /** Operator detector models (issue 16); none unless detect.models-dir is set. */
    private final org.pramaan.detect.LoadedDetectors detectors;
    /** The protected-persons (likeness) registry and the index screening compares faces with (issue 16). */
    private final org.pramaan.likeness.LikenessIndex likenessIndex;

    private final org.pramaan.likeness.ProtectedPersonRegistry persons;

    private final BackscanWiring backscan;
    /** This process's node id among the nodes sharing the store (issue 15). */
    private final NodeIdentity node;
    /** queue=kafka: this node's relay of the bank outbox and its follower of the topic (issue 15). */
    private final java.util.Optional<org.pramaan.queue.kafka.KafkaBankFeed> bankFeed;
    /** queue=kafka: this node's relay of the audit log to the event topics (issue 15). */
    private final java.util.Optional<org.pramaan.queue.kafka.KafkaEventFeed> eventFeed;

    /**
     * With queue=kafka, starts relaying the shared store's bank outbox and following the topic into {@code banks}; the
     * store is closed when that fails (no broker answers: named with queue.kafka.bootstrap).
     */
    private static java.util.Optional<org.pramaan.queue.kafka.KafkaBankFeed> bankFeed(
            PramaanConfig.Queue q, Adapters store, HashBanks banks, java.time.Instant loadStart) throws IOException {
        if (!q.kafka()) return java.util.Optional.empty();
        try {
            org.pramaan.banks.BankChangeLog log = store.bankChanges()
                    .orElseThrow(
                            () -> new IOException("queue=kafka needs a store several nodes share (store=postgres)"));
            return java.util.Optional.of(org.pramaan.queue.kafka.KafkaBankFeed.start(
                    new org.pramaan.queue.kafka.KafkaBankFeed.Settings(
                            q.bootstrap(),
                            q.topic(),
                            q.partitions(),
                            q.replication(),
                            q.replay(),
                            java.time.Duration.ofMillis(50)),
                    log,
                    banks,
                    loadStart,
                    java.time.Duration.ofSeconds(15)));
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * With queue=kafka and queue.kafka.events on, relays the shared audit log (every committed fact) to the event
     * topics; the store is closed when that fails.
     */
    private static java.util.Optional<org.pramaan.queue.kafka.KafkaEventFeed> eventFeed(
            PramaanConfig.Queue q, Adapters store) throws IOException {
        if (!q.kafka() || q.events().isEmpty()) return java.util.Optional.empty();
        try {
            org.pramaan.audit.AuditFeed feed = store.auditFeed()
                    .orElseThrow(
                            () -> new IOException("queue=kafka needs a store several nodes share (store=postgres)"));
            return java.util.Optional.of(org.pramaan.queue.kafka.KafkaEventFeed.start(
                    new org.pramaan.queue.kafka.KafkaEventFeed.Settings(
                            q.bootstrap(),
                            q.events(),
                            q.partitions(),
                            q.replication(),
                            java.time.Duration.ofMillis(100)),
                    feed,
                    java.time.Duration.ofSeconds(15)));
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The bank feed of queue=kafka, if this node runs one. */
    public java.util.Optional<org.pramaan.queue.kafka.KafkaBankFeed> bankFeed() {
        return bankFeed;
    }

    public Embedded(PramaanConfig config, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        // Fail on bad policy or rule-pack data before touching the store.
        JurisdictionPolicy policy = JurisdictionPolicy.load(config.policy().jurisdiction());
        List<RulePack> packs = config.policy().rulePacks().stream()
                .map(j -> RulePack.load(j, config.policy().rulePackDir()))
                .toList();
        this.detectors = DetectorLoading.load(config.detect()); // before the store: bad configuration stops start-up
        this.store = BlobSelection.overlay(
                AdapterRegistry.installed().open(config.storage().settings()),
                config.blobs(),
                config.storage().dataDir());
        this.node = joinNode(config, store, clock);
        // Every audited effect marks the idempotency claim of its request in its own transaction (see
        // IdempotentRequests).
        this.idempotency = new org.pramaan.idempotency.IdempotentRequests(
                store.idempotency(), clock, config.storage().idempotencyRetention());
        this.audit = AuditAnchoring.open(config, store, clock, idempotency.marking(store.unitOfWork()));
        // Kafka's record timestamps are wall-clock time, so the replay window is measured on it, not on `clock`.
        java.time.Instant loadStart = java.time.Instant.now();
        // The PDQ index loads from its snapshot when it matches the bank store, else it is rebuilt.
        this.banks = new HashBanks(
                store.banks(),
                clock,
                java.util.Optional.of(config.storage().dataDir().resolve(PDQ_INDEX_FILE)),
                config.av().matching(),
                store.unitOfWork());
        this.bankFeed = bankFeed(config.queue(), store, banks, loadStart);
        try {
            this.eventFeed = eventFeed(config.queue(), store);
        } catch (IOException | RuntimeException e) {
            bankFeed.ifPresent(org.pramaan.queue.kafka.KafkaBankFeed::close);
            throw e;
        }
        // Polls the store's change marker so enrolments and deletions on other nodes reach this one (issue 16).
        this.likenessIndex = new org.pramaan.likeness.LikenessIndex(
                store.likeness(), clock, config.detect().likenessRefresh());
        likenessIndex.reload();
        this.persons = new org.pramaan.likeness.ProtectedPersonRegistry(
                store.likeness(),
                likenessIndex,
                detectors.faces(),
                detectors.faceEmbedder(),
                MediaProber.standard(),
                new org.pramaan.media.image.StandardStillImageDecoder(),
                audit,
                clock,
                caseId -> store.cases().find(caseId).isPresent(),
                // Voice samples (issue 16): a speaker model and the audio decoder that feeds it.
                detectors
                        .voiceEmbedder()
                        .flatMap(v -> store.decoders()
                                .audio()
                                .map(d -> new org.pramaan.likeness.VoiceSamples(v, d, MediaProber.standard()))));
        this.screener = screener(
                config,
                policy,
                banks,
                store.decoders(),
                clock,
                detectors.detectors(),
                detectors.faces(),
                detectors
                        .faceEmbedder()
                        .map(e -> new org.pramaan.signals.LikenessExtractor(
                                detectors.faces().orElseThrow(),
                                e,
                                likenessIndex,
                                new org.pramaan.media.image.StandardStillImageDecoder())),
                detectors.voiceEmbedder().map(v -> new org.pramaan.signals.VoiceLikeness(v, likenessIndex)));
        // Intake announces MediaScreened on the bus; cases subscribe themselves (resurfacing of removed content).
        org.pramaan.events.EventBus events = new org.pramaan.events.EventBus();
        this.intake = new Intake(screener, store.media(), store.blobs(), audit, clock, events);
        this.keys = new ApiKeys(store.apiKeys(), audit, clock);
        this.retention = new org.pramaan.cases.Retention(store.holds(), store.media(), store.blobs(), audit, clock);
        this.cases = new CaseService(
                CaseService.Dependencies.of(
                                packs, store.cases(), store.media(), banks, audit, clock, store.unitOfWork())
                        .withRetention(retention)
                        .withAccounts(store.accounts())
                        .withLabels(store.reviewLabels()) // issue 16: findings on case decisions become labels
                        .withListener(
                                this.notifier = new org.pramaan.notify.CaseNotifier(
                                        store.deliveries(),
                                        store.media(),
                                        notifySettings(config.notifications()),
                                        clock,
                                        packs)),
                events);
        this.dispatcher = new org.pramaan.notify.Dispatcher(
                store.deliveries(), senders(config.notifications(), clock), audit, clock);
        this.backscan = BackscanWiring.wire(
                config,
                store,
                screener,
                banks,
                cases,
                audit,
                clock,
                events,
                node.self().id());
    }

    /** Back-scans (issue 17 part 2); the server starts their executor. */
    public BackscanWiring backscan() {
        return backscan;
    }

    private static org.pramaan.notify.CaseNotifier.Settings notifySettings(PramaanConfig.Notify n) {
        return new org.pramaan.notify.CaseNotifier.Settings(
                n.webhookUrl(), n.smtpHost().isPresent(), n.transparencyDbUrl(), n.language());
    }

    private static List<org.pramaan.notify.Sender> senders(PramaanConfig.Notify n, Clock clock) {
        List<org.pramaan.notify.Sender> s = new java.util.ArrayList<>();
        n.webhookSecret()
                .filter(x -> n.webhookUrl().isPresent())
                .ifPresent(secret -> s.add(new org.pramaan.delivery.WebhookSender(secret, clock)));
        n.smtpHost()
                .ifPresent(h -> s.add(new org.pramaan.delivery.SmtpSender(new org.pramaan.delivery.SmtpSender.Settings(
                        h, n.smtpPort(), n.smtpFrom(), n.smtpUsername(), n.smtpPassword(), n.smtpStartTls()))));
        n.transparencyDbToken()
                .filter(x -> n.transparencyDbUrl().isPresent())
                .ifPresent(t -> s.add(new org.pramaan.delivery.TransparencyDbSender(t)));
        return s;
    }

    /** The review console (issue 13), mounted on the API's server; its sessions live as long as this composition. */
    public org.pramaan.console.Console console() {
        org.pramaan.console.Console c = console;
        if (c == null) {
            synchronized (this) {
                if (console == null)
                    console = new org.pramaan.console.Console(new org.pramaan.console.Console.Services(
                            keys,
                            cases,
                            bundles(),
                            store.media(),
                            store.blobs(),
                            store.deliveries(),
                            audit,
                            clock,
                            config.console().sessions(),
                            consoleServices().queue(),
                            consoleServices().assignments(),
                            consoleServices().accounts(),
                            consoleServices().preferences(),
                            consoleServices().screening(),
                            consoleServices().quality(),
                            new org.pramaan.console.BanksPages.Services(
                                    new BankCuration(banks, audit, clock),
                                    config.banks().imports()),
                            notifier,
                            java.util.Optional.of(reports()),
                            java.util.Optional.of(backscan.scans())));
                c = console;
            }
        }
        return c;
    }

    public org.pramaan.notify.Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Responses of requests sent with an Idempotency-Key (swept by the server's scheduler). */
    public org.pramaan.idempotency.IdempotentRequests idempotency() {
        return idempotency;
    }

    /**
     * C2PA credentials are judged on {@code clock} against the configured anchors ({@code c2pa.trust-anchors}).
     * The decoders are the store's ({@link Adapters#decoders()}: FFmpeg in the embedded deployment): core only knows the ports.
     */
    static Screener screener(
            PramaanConfig config,
            JurisdictionPolicy policy,
            HashBanks banks,
            org.pramaan.adapters.Decoders decoders,
            Clock clock) {
        return screener(config, policy, banks, decoders, clock, List.of());
    }

    /** As above, with the operator's detector models after the provenance extractors (issue 16). */
    static Screener screener(
            PramaanConfig config,
            JurisdictionPolicy policy,
            HashBanks banks,
            org.pramaan.adapters.Decoders decoders,
            Clock clock,
            List<org.pramaan.detect.Detector> detectors) {
        return screener(config, policy, banks, decoders, clock, detectors, java.util.Optional.empty());
    }

    /** As above, with the runtime's face detector for per-face models (issue 16). */
    static Screener screener(
            PramaanConfig config,
            JurisdictionPolicy policy,
            HashBanks banks,
            org.pramaan.adapters.Decoders decoders,
            Clock clock,
            List<org.pramaan.detect.Detector> detectors,
            java.util.Optional<org.pramaan.detect.FaceDetector> faces) {
        return screener(config, policy, banks, decoders, clock, detectors, faces, java.util.Optional.empty());
    }

    /** As above, with the likeness registry's face comparison when a face-embedding model is installed (issue 16). */
    static Screener screener(
            PramaanConfig config,
            JurisdictionPolicy policy,
            HashBanks banks,
            org.pramaan.adapters.Decoders decoders,
            Clock clock,
            List<org.pramaan.detect.Detector> detectors,
            java.util.Optional<org.pramaan.detect.FaceDetector> faces,
            java.util.Optional<org.pramaan.signals.SignalExtractor> likeness) {
        return screener(config, policy, banks, decoders, clock, detectors, faces, likeness, java.util.Optional.empty());
    }

    /** As above, with the registry's voice comparison on the audio models' decoded sound (issue 16). */
    static Screener screener(
            PramaanConfig config,
            JurisdictionPolicy policy,
            HashBanks banks,
            org.pramaan.adapters.Decoders decoders,
            Clock clock,
            List<org.pramaan.detect.Detector> detectors,
            java.util.Optional<org.pramaan.detect.FaceDetector> faces,
            java.util.Optional<org.pramaan.signals.SignalExtractor> likeness,
            java.util.Optional<org.pramaan.signals.VoiceLikeness> voice) {
        MetadataSignalExtractor metadata =
                new MetadataSignalExtractor(new C2paReader(config.provenance().trust(clock)));
        org.pramaan.signals.AvHasher av = new org.pramaan.signals.AvHasher(
                decoders.video(), decoders.audio(), config.av().hashing());
        // Core's own image decoding plugs into the still-image port here, as the adapters' decoders do into the video
        // and audio ports.
        org.pramaan.signals.PdqExtractor pdq = new org.pramaan.signals.PdqExtractor(
                new PdqHasher(), new org.pramaan.media.image.StandardStillImageDecoder());
        List<org.pramaan.signals.SignalExtractor> extractors = org.pramaan.signals.SignalExtractors.standard(
                pdq,
                av,
                List.of(
                        metadata,
                        new org.pramaan.signals.WatermarkSignalExtractor(),
                        new org.pramaan.signals.KeyedWatermarkExtractor(
                                config.provenance().watermarkKeys(),
                                org.pramaan.signals.KeyedWatermarkExtractor.DEFAULT_MAX_PIXELS,
                                decoders.video().map(d -> videoWatermarkReader(config, d))),
                        new org.pramaan.signals.DetectorSignalExtractor(
                                detectors, faces, new org.pramaan.media.image.StandardStillImageDecoder()),
                        // Issue 16: the models on sampled video frames and face tracks, sampled as vPDQ samples.
                        new org.pramaan.signals.VideoDetectorExtractor(
                                detectors,
                                faces,
                                decoders.video(),
                                config.av().hashing().limits(),
                                config.av().hashing().sampling().secondsPerHash(),
                                // Issue 16: the likeness registry on each face track, in the same pass.
                                likeness.filter(org.pramaan.signals.LikenessExtractor.class::isInstance)
                                        .map(l -> ((org.pramaan.signals.LikenessExtractor) l).video())),
                        // Issue 16: the audio models on windows of an audio file or a video's sound.
                        new org.pramaan.signals.AudioDetectorExtractor(
                                detectors,
                                decoders.audio(),
                                config.av().hashing().limits(),
                                voice),
                        // Issue 16: faces compared with the protected-persons registry (a no-op when none is enrolled).
                        likeness.orElse(input -> List.of())),
                banks);
        return new Screener(
                MediaProber.standard(), config.limits(), extractors, new Assessor(), policy, banks, pdq, av);
    }

    /** Whether the configured store already holds data, without creating or locking anything. */
    public static boolean exists(PramaanConfig config) {
        return AdapterRegistry.installed()
                .provider(config.storage().store())
                .exists(config.storage().settings());
    }

    /** The API's route groups, each with only the collaborators its routes use. */
    public ApiServices apiServices() throws IOException {
        Path uploads = Files.createDirectories(config.storage().dataDir().resolve("tmp"));
        org.pramaan.media.MediaLimits limits = config.limits();
        BankCuration curation = new BankCuration(banks, audit, clock);
        ApiServices services = new ApiServices(
                new ApiServices.Edge(keys, audit, limits, uploads, clock),
                new org.pramaan.http.MediaRoutes.Services(intake, store.media(), limits, uploads),
                new org.pramaan.http.CaseRoutes.Services(
                        cases,
                        bundles(),
                        store.media(),
                        screener,
                        config.policy().contentUrlPattern(),
                        audit,
                        limits,
                        uploads,
                        clock),
                new org.pramaan.http.HoldRoutes.Services(retention, store.media(), audit, clock),
                new org.pramaan.http.HashRoutes.Services(screener, limits, uploads),
                new org.pramaan.http.HmaRoutes.Services(screener, curation, audit, limits, uploads, clock),
                new org.pramaan.http.BankRoutes.Services(
                        curation, config.banks().imports(), audit, uploads, clock),
                new org.pramaan.http.DeliveryRoutes.Services(store.deliveries(), dispatcher),
                new org.pramaan.http.ProvenanceRoutes.Services(
                        new C2paReader(config.provenance().trust(clock)),
                        config.provenance().signer(clock, version()),
                        audit,
                        limits,
                        uploads,
                        config.provenance().filingNumber(),
                        EmbeddedAdaptersProvider.videoLabels(),
                        EmbeddedAdaptersProvider.audioLabels(config.provenance().spokenPrompts()),
                        EmbeddedAdaptersProvider.webpEncoder()),
                consoleServices(),
                generationServices(uploads));
        // Issue 16: the detector models and the refusals, for GET /v1/detectors.
        return services.withDetectors(new org.pramaan.http.DetectorRoutes.Services(
                                detectors,
                                config.detect().modelsDir().isPresent(),
                                java.util.Optional.empty(),
                                java.util.Optional.of(persons))
                        .withLabels(store.reviewLabels()))
                .withReports(reports())
                .withScans(new org.pramaan.http.ScanRoutes.Services(java.util.Optional.of(backscan.scans()), clock));
    }

    /** The protected-persons (likeness) registry (issue 16). */
    public org.pramaan.likeness.ProtectedPersonRegistry persons() {
        return persons;
    }

    /** The detector models loaded from {@code detect.models-dir}, and those refused (issue 16). */
    public org.pramaan.detect.LoadedDetectors detectors() {
        return detectors;
    }

    /**
     * The generator side (issue 14). Mark steps before the metadata labels and C2PA (which
     * {@link org.pramaan.generation.Generations} applies itself): the visible label of the profile;
     * our watermark ({@code org.pramaan.watermark}) plugs in here as another
     * {@link org.pramaan.generation.MarkStep}, and its decoder as the lookup's first try.
     */
    public org.pramaan.http.GenerationRoutes.Services generationServices(Path uploads) {
        return org.pramaan.http.GenerationRoutes.Services.of(
                store.generations(),
                banks,
                audit,
                store.deliveries(),
                config.notifications().webhookUrl(),
                clock,
                generationSteps(uploads),
                config.provenance().signer(clock, version()),
                generationWatermark(uploads).map(w -> (org.pramaan.generation.MarkStep.Decoder) w),
                config.generation(),
                new org.pramaan.signals.AvHasher(
                        store.decoders().video(),
                        store.decoders().audio(),
                        config.av().hashing()),
                config.limits(),
                uploads);
    }

    /** The visible label, then our watermark when {@code watermark.signing-key} is set (before metadata and C2PA). */
    private List<org.pramaan.generation.MarkStep> generationSteps(Path uploads) {
        List<org.pramaan.generation.MarkStep> steps = new java.util.ArrayList<>();
        // MP3/M4A outputs get the audio prompt, video MP4 the burned-in label and WebP its drawn label
        // through the ffmpeg writers when they are installed.
        steps.add(new org.pramaan.generation.VisibleLabelStep(
                EmbeddedAdaptersProvider.audioLabels(config.provenance().spokenPrompts()),
                EmbeddedAdaptersProvider.videoLabels(),
                EmbeddedAdaptersProvider.webpEncoder(),
                uploads));
        generationWatermark(uploads).ifPresent(steps::add);
        return List.copyOf(steps);
    }

    private java.util.Optional<org.pramaan.generation.WatermarkStep> generationWatermark(Path uploads) {
        return config.provenance()
                .watermarkSigning()
                .map(k -> new org.pramaan.generation.WatermarkStep(
                        new org.pramaan.watermark.KeyedWatermark(k),
                        config.provenance().watermarkOperator(),
                        EmbeddedAdaptersProvider.webpEncoder(),
                        videoWatermark(store.decoders(), uploads)));
    }

    /** MP4 frames are marked by the ffmpeg module (system ffmpeg with libx264) and read through the video decoder. */
    private java.util.Optional<org.pramaan.generation.WatermarkStep.Video> videoWatermark(
            org.pramaan.adapters.Decoders decoders, Path uploads) {
        if (decoders.video().isEmpty()) return java.util.Optional.empty();
        return EmbeddedAdaptersProvider.videoWatermark()
                .map(w -> new org.pramaan.generation.WatermarkStep.Video(
                        w, videoWatermarkReader(config, decoders.video().get()), uploads));
    }

    /** Intake's vPDQ sampling and decode limits, for the watermark's sampled frames. */
    static org.pramaan.watermark.VideoWatermarkReader videoWatermarkReader(
            PramaanConfig config, org.pramaan.media.decode.VideoDecoder decoder) {
        return new org.pramaan.watermark.VideoWatermarkReader(
                decoder,
                config.av().hashing().limits(),
                config.av().hashing().sampling().secondsPerHash());
    }

    private org.pramaan.http.ConsoleRoutes.Services consoleServices;

    /**
     * The review console's services (issue 13), one instance per deployment so the sign-in lockout is
     * shared by the API and the console pages. The quality sample's HMAC key is derived from the
     * data directory's path: stable across restarts, different per deployment.
     */
    public synchronized org.pramaan.http.ConsoleRoutes.Services consoleServices() {
        if (consoleServices == null) {
            consoleServices = org.pramaan.http.ConsoleRoutes.Services.of(
                    cases,
                    store.apiKeys(),
                    store.people(),
                    store.media(),
                    audit,
                    store.reviewLabels(),
                    config.console().qualitySampleRate(),
                    ("pramaan-quality:" + config.storage().dataDir().toAbsolutePath())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    clock);
        }
        return consoleServices;
    }

    /** Users' rule reminders (IT Rules r.3(1)(c)); the server's scheduler sends the due events. */
    public org.pramaan.generation.RuleReminders ruleReminders() {
        return new org.pramaan.generation.RuleReminders(
                store.generations(), store.deliveries(), config.notifications().webhookUrl(), audit, clock);
    }

    /** Deletes generation records past {@code generation.retention}; the server's scheduler runs it hourly. */
    public org.pramaan.generation.GenerationRetention generationRetention() {
        return new org.pramaan.generation.GenerationRetention(store.generations(), audit, clock);
    }

    static String version() {
        String v = Embedded.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public PramaanConfig config() {
        return config;
    }

    /** The injected clock (readiness measures the clock checker's last run on it). */
    public Clock clock() {
        return clock;
    }

    public org.pramaan.cases.EvidenceBundles bundles() {
        return new org.pramaan.cases.EvidenceBundles(
                cases,
                store.media(),
                store.blobs(),
                audit,
                clock,
                List.of(new org.pramaan.notify.DeliveriesSection(store.deliveries())));
    }

    public Screener screener() {
        return screener;
    }

    public Intake intake() {
        return intake;
    }

    public AuditLog audit() {
        return audit;
    }

    public ApiKeys keys() {
        return keys;
    }

    public CaseService cases() {
        return cases;
    }

    /** Regulators' reports computed from the store (issue 17); each generated one is audited with its digest. */
    public org.pramaan.reports.Reports reports() {
        return new org.pramaan.reports.Reports(
                store.reports(), cases.noticeTypes(), audit, clock, java.util.Optional.of(ReportPdf::render));
    }

    public org.pramaan.cases.Retention retention() {
        return retention;
    }

    public HashBanks banks() {
        return banks;
    }

    private static NodeIdentity joinNode(PramaanConfig config, Adapters store, Clock clock) throws IOException {
        try {
            return NodeIdentity.join(config.storage(), store, clock);
        } catch (IOException | RuntimeException e) {
            store.close(); // a refused node must not keep the store (and its locks) open
            throw e;
        }
    }

    /** This process's node identity (issue 15). */
    NodeIdentity node() {
        return node;
    }

    /** The store this composition was wired from. */
    public Adapters adapters() {
        return store;
    }

    @Override
    public void close() {
        bankFeed.ifPresent(org.pramaan.queue.kafka.KafkaBankFeed::close);
        // Before the audit checkpoints and the store: whatever is committed by now is relayed by the next relay.
        eventFeed.ifPresent(org.pramaan.queue.kafka.KafkaEventFeed::close);
        backscan.executor().close();
        node.close();
        banks.saveIndexSnapshot();
        audit.checkpoints().ifPresent(org.pramaan.audit.AuditCheckpoints::close);
        store.close();
        detectors.close();
    }
}

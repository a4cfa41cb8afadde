package org.pramaan.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.pramaan.media.MediaLimits;
import org.pramaan.provenance.c2pa.TrustSettings;

/**
 * Configuration from, in rising precedence: defaults, a properties file ({@code PRAMAAN_CONFIG}, else
 * {@code ./pramaan.properties} if present), environment variables ({@code data.dir} ↔
 * {@code PRAMAAN_DATA_DIR}) and system properties ({@code -Dpramaan.data.dir}). An unknown key or a
 * bad value fails at start-up naming the key, the value and where it came from.
 */
public record PramaanConfig(
        Storage storage,
        Http http,
        MediaLimits limits,
        Av av,
        Policy policy,
        Access access,
        Notify notifications,
        Provenance provenance,
        Banks banks,
        Console console,
        org.pramaan.generation.Generations.Settings generation,
        Blobs blobs,
        Detect detect,
        Queue queue) {

    /**
     * How nodes tell each other of changes ({@code queue}, issue 15): {@code in-process} (one node, the default) or
     * {@code kafka}, where the shared store's bank outbox is relayed to {@code topic} and every node's index follows it.
     *
     * @param replay how far before its start a node reads the topic again (changes committed while it loaded)
     * @param events the prefix of the event topics every committed fact is relayed to ({@code
     *     queue.kafka.events-prefix}: {@code <prefix>.media}, {@code .cases}, {@code .audit}); empty when off
     */
    public record Queue(
            String kind,
            String bootstrap,
            String topic,
            int partitions,
            short replication,
            Duration replay,
            String events) {
        public static final Queue IN_PROCESS =
                new Queue("in-process", "", "pramaan.bank-changes", 6, (short) 1, Duration.ofMinutes(5), "");

        public boolean kafka() {
            return kind.equals("kafka");
        }
    }

    /**
     * Where media bytes are kept ({@code blobs}, issue 15): {@code local} is the store's own (the
     * data directory's {@code blobs/} for {@code store=embedded}); another kind names an
     * {@link org.pramaan.adapters.BlobStoreProvider}, opened with {@code options}, its
     * {@code blobs.<kind>.*} values with that prefix removed (already checked by the provider).
     */
    public record Blobs(String kind, Map<String, String> options) {
        public static final String LOCAL = "local";

        public Blobs {
            options = Map.copyOf(options);
        }

        public boolean local() {
            return kind.equals(LOCAL);
        }
    }

    /**
     * Detector models (issue 16).
     *
     * @param modelsDir the operator's models folder ({@code detect.models-dir}); empty: no models, and
     *                  {@code pramaan-detect-onnx} need not be on the class path
     * @param likenessRefresh how often at most a node compares the protected-persons registry's change marker before
     *                  screening ({@code likeness.refresh-ms}): a change made on another node is seen within this
     */
    public record Detect(Optional<Path> modelsDir, Duration likenessRefresh) {
        /** With the default refresh interval (1 s). */
        public Detect(Optional<Path> modelsDir) {
            this(modelsDir, Duration.ofSeconds(1));
        }
    }

    /**
     * The review console (issue 13).
     *
     * @param sessions sign-in session timeouts ({@code console.session-idle-timeout}, {@code console.session-lifetime})
     * @param qualitySampleRate share of decided cases sampled for a blind second review ({@code console.quality-sample-rate}, 0..1)
     */
    public record Console(org.pramaan.console.Console.Settings sessions, double qualitySampleRate) {}

    /**
     * Where and in what the deployment keeps its data.
     *
     * @param store                which {@link org.pramaan.adapters.AdaptersProvider} opens the store ({@code store})
     * @param dataDir              the data directory ({@code data.dir})
     * @param idempotencyRetention how long idempotent responses are kept ({@code idempotency.retention})
     * @param auditCheckpoints     signed audit checkpoints ({@code audit.*})
     */
    public record Storage(
            String store,
            Path dataDir,
            Duration idempotencyRetention,
            Checkpointing auditCheckpoints,
            Map<String, String> storeOptions,
            Node node) {
        /** A store without settings of its own ({@code store.<kind>.*} unset). */
        public Storage(String store, Path dataDir, Duration idempotencyRetention, Checkpointing auditCheckpoints) {
            this(store, dataDir, idempotencyRetention, auditCheckpoints, Map.of());
        }

        /** With the default node settings ({@code node.*} unset). */
        public Storage(
                String store,
                Path dataDir,
                Duration idempotencyRetention,
                Checkpointing auditCheckpoints,
                Map<String, String> storeOptions) {
            this(store, dataDir, idempotencyRetention, auditCheckpoints, storeOptions, Node.defaults(dataDir));
        }

        /** What the store provider is opened with. */
        public org.pramaan.adapters.StoreSettings settings() {
            return new org.pramaan.adapters.StoreSettings(store, dataDir, storeOptions);
        }
    }

    /**
     * This process as one node of the deployment ({@code node.*}, issue 15).
     *
     * @param id        {@code node.id}; by default the host name and a digest of the data directory, stable across
     *                  restarts and distinct for two nodes on one host
     * @param heartbeat how often the node records that it is alive ({@code node.heartbeat-interval})
     * @param liveFor   how long after its last heartbeat a node still counts as live, and how long a back-scan lease
     *                  lasts unrenewed ({@code node.live-for})
     */
    public record Node(String id, Duration heartbeat, Duration liveFor) {
        static Node defaults(Path dataDir) {
            return new Node(defaultId(dataDir), Duration.ofSeconds(5), Duration.ofSeconds(30));
        }

        static String defaultId(Path dataDir) {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "node";
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < host.length() && b.length() < 40; i++) {
                char c = host.charAt(i);
                b.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' ? c : '-');
            }
            String dir = dataDir.toAbsolutePath().normalize().toString();
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(dir.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return b + "-" + java.util.HexFormat.of().formatHex(d, 0, 4);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    /** The HTTP edge ({@code http.*}, {@code log.format}). */
    public record Http(
            String host,
            int port,
            org.pramaan.http.RateLimiter.Settings rateLimits,
            org.pramaan.http.RequestBudget.Settings requestBudgets,
            String logFormat) {}

    /**
     * Screening policy and the case rules ({@code policy.*}, {@code cases.*}).
     *
     * @param contentUrlPattern takes the platform's content id out of a URL named in a notice
     */
    public record Policy(
            String jurisdiction,
            List<String> rulePacks,
            Optional<Path> rulePackDir,
            Duration clockCheckInterval,
            Optional<com.google.re2j.Pattern> contentUrlPattern) {}

    /** The admin key registered at start-up ({@code admin.key}); empty: one is generated at first start. */
    public record Access(Optional<String> adminKey) {}

    /** Bank imports ({@code banks.*}) and back-scans ({@code backscan.*}, issue 17 part 2). */
    public record Banks(org.pramaan.banks.BankFiles.Limits imports, Backscan backscan) {
        /** Back-scans with their defaults (no folder roots, no fetching). */
        public Banks(org.pramaan.banks.BankFiles.Limits imports) {
            this(imports, Backscan.DEFAULT);
        }
    }

    /**
     * Back-scans ({@code backscan.*}).
     *
     * @param scans            allowed roots, batch size, list and folder caps
     * @param fetchRoot        the folder list entries are read from as relative paths ({@code backscan.fetch-root})
     * @param fetchUrlPrefixes URL prefixes list entries may be fetched from ({@code backscan.fetch-url-prefixes})
     * @param fetchMaxBytes    largest fetched entry
     * @param fetchTimeout     longest fetch of one entry
     * @param onBankAddition   whether a bank addition starts a scan of the stored media near the new items
     * @param s3               the {@code backscan.s3.*} options (prefix removed) when object-prefix scans are on
     */
    public record Backscan(
            org.pramaan.backscan.ScanSettings scans,
            Optional<Path> fetchRoot,
            List<String> fetchUrlPrefixes,
            long fetchMaxBytes,
            Duration fetchTimeout,
            boolean onBankAddition,
            Optional<Map<String, String>> s3) {
        public static final Backscan DEFAULT = new Backscan(
                org.pramaan.backscan.ScanSettings.DEFAULT,
                Optional.empty(),
                List.of(),
                64L << 20,
                Duration.ofSeconds(30),
                true);

        /** Without object-prefix scans. */
        public Backscan(
                org.pramaan.backscan.ScanSettings scans,
                Optional<Path> fetchRoot,
                List<String> fetchUrlPrefixes,
                long fetchMaxBytes,
                Duration fetchTimeout,
                boolean onBankAddition) {
            this(scans, fetchRoot, fetchUrlPrefixes, fetchMaxBytes, fetchTimeout, onBankAddition, Optional.empty());
        }
    }

    /** C2PA trust and signing ({@code c2pa.*}). */
    public record Provenance(
            Optional<Path> trustAnchors,
            Optional<Path> trustConfig,
            Signing signing,
            List<org.pramaan.watermark.WatermarkKey> watermarkKeys,
            Optional<String> filingNumber,
            Optional<String> watermarkSigningKey,
            int watermarkOperator,
            Map<String, org.pramaan.labels.SpokenPrompt> spokenPrompts) {
        /** Without operator spoken prompts ({@code labels.spoken-prompts} empty). */
        public Provenance(
                Optional<Path> trustAnchors,
                Optional<Path> trustConfig,
                Signing signing,
                List<org.pramaan.watermark.WatermarkKey> watermarkKeys,
                Optional<String> filingNumber,
                Optional<String> watermarkSigningKey,
                int watermarkOperator) {
            this(
                    trustAnchors,
                    trustConfig,
                    signing,
                    watermarkKeys,
                    filingNumber,
                    watermarkSigningKey,
                    watermarkOperator,
                    Map.of());
        }

        /** Generations not watermarked ({@code watermark.signing-key} empty). */
        public Provenance(
                Optional<Path> trustAnchors,
                Optional<Path> trustConfig,
                Signing signing,
                List<org.pramaan.watermark.WatermarkKey> watermarkKeys,
                Optional<String> filingNumber) {
            this(trustAnchors, trustConfig, signing, watermarkKeys, filingNumber, Optional.empty(), 0);
        }

        /**
         * The key generations are watermarked with ({@code watermark.signing-key}, one of
         * {@code watermark.keys}, checked at load); empty: generations carry no watermark.
         */
        public Optional<org.pramaan.watermark.WatermarkKey> watermarkSigning() {
            return watermarkSigningKey.flatMap(
                    id -> watermarkKeys.stream().filter(k -> k.id().equals(id)).findFirst());
        }

        /** Without keyed-watermark keys ({@code watermark.keys} empty) and without a filing number. */
        public Provenance(Optional<Path> trustAnchors, Optional<Path> trustConfig, Signing signing) {
            this(trustAnchors, trustConfig, signing, List.of(), Optional.empty());
        }

        /** The C2PA trust settings on {@code clock}; the files were checked when the configuration loaded. */
        public TrustSettings trust(Clock clock) {
            if (trustAnchors.isEmpty()) return TrustSettings.none(clock);
            try {
                String cfg = trustConfig.isPresent() ? Files.readString(trustConfig.get()) : "";
                return TrustSettings.fromPem(Files.readString(trustAnchors.get()), cfg, clock);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the C2PA trust files: " + e.getMessage(), e);
            }
        }

        /** The signer for {@code POST /v1/provenance/sign}; empty when no key is configured. Files were checked at load. */
        public Optional<org.pramaan.provenance.c2pa.C2paSigner> signer(Clock clock, String version) {
            if (signing.key().isEmpty()) return Optional.empty();
            try {
                var key = org.pramaan.provenance.c2pa.SigningKey.fromPem(
                        Files.readString(signing.key().get()),
                        Files.readString(signing.chain().orElseThrow()),
                        org.pramaan.provenance.c2pa.SigningAlgorithm.parse(signing.alg()));
                return Optional.of(new org.pramaan.provenance.c2pa.C2paSigner(key, trust(clock), "Pramaan", version));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the C2PA signing files: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Signed audit checkpoints (issue 11 defect 7): the Ed25519 key file, kept outside the data
     * directory, and how many entries may go unsigned before the next checkpoint.
     */
    public record Checkpointing(Path key, int interval) {}

    /** The C2PA signing credential ({@code POST /v1/provenance/sign}); both files or neither. */
    public record Signing(Optional<Path> key, Optional<Path> chain, String alg) {}

    /** vPDQ/audio hashing at intake and when banked video counts as found again. */
    public record Av(org.pramaan.signals.AvHasher.Settings hashing, org.pramaan.banks.AvMatchPolicy matching) {}

    /** Outbound messages: each channel is on when its settings are given. */
    public record Notify(
            Optional<String> webhookUrl,
            Optional<String> webhookSecret,
            Optional<String> smtpHost,
            int smtpPort,
            String smtpFrom,
            Optional<String> smtpUsername,
            Optional<String> smtpPassword,
            boolean smtpStartTls,
            String language,
            Optional<String> transparencyDbUrl,
            Optional<String> transparencyDbToken,
            Duration dispatchInterval) {}

    /** Every key, its default and what it means (also the README's configuration table). */
    static final Map<String, String[]> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("data.dir", new String[] {
            "./pramaan-data", "where the SQLite file (pramaan.db) and the blob folder (blobs/) live"
        });
        KEYS.put("store", new String[] {
            "embedded",
            "which store adapter keeps the data: embedded (SQLite and blobs in data.dir) or postgres (a shared PostgreSQL, store.postgres.*; blobs in data.dir)"
        });
        // Media bytes in an object store for the scaled deployment (issue 15); checked at load, proven at start-up.
        KEYS.put("blobs", new String[] {
            "local",
            "where media bytes are kept: local (the store's own, <data.dir>/blobs for store=embedded) or s3 (an S3-compatible bucket, blobs.s3.*)"
        });
        // queue=kafka (issue 15): bank changes reach every node's index through the shared store's outbox and a topic.
        KEYS.put("queue", new String[] {
            "in-process", "how nodes learn of each other's bank changes: in-process (one node) or kafka (queue.kafka.*)"
        });
        KEYS.put("queue.kafka.bootstrap", new String[] {"", "Kafka brokers, host:port[,host:port...] (queue=kafka)"});
        KEYS.put("queue.kafka.topic", new String[] {"pramaan.bank-changes", "the bank-change topic"});
        KEYS.put("queue.kafka.partitions", new String[] {"6", "partitions of the topic when Pramaan creates it"});
        KEYS.put("queue.kafka.replication", new String[] {
            "1", "replication factor of the topic when Pramaan creates it (3 on a production cluster)"
        });
        KEYS.put("queue.kafka.events", new String[] {
            "on",
            "relay every committed fact (the audit log) to the topics <queue.kafka.events-prefix>.media, .cases and .audit: on or off"
        });
        KEYS.put("queue.kafka.events-prefix", new String[] {"pramaan", "the event topics' common prefix"});
        KEYS.put("queue.kafka.replay", new String[] {
            "PT5M", "how far before its start a node reads the topic again, for changes committed while it loaded"
        });
        KEYS.put("blobs.s3.endpoint", new String[] {
            "",
            "S3 API base URL, e.g. https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:9090 (path-style requests)"
        });
        KEYS.put("blobs.s3.region", new String[] {"us-east-1", "S3 signing region"});
        KEYS.put("blobs.s3.bucket", new String[] {
            "", "bucket for media bytes; must exist (never created: it carries your retention and access policies)"
        });
        KEYS.put("blobs.s3.access-key", new String[] {"", "S3 access key id"});
        KEYS.put("blobs.s3.secret-key", new String[] {"", "S3 secret access key (never shown in errors)"});
        KEYS.put(
                "blobs.s3.prefix",
                new String[] {"", "key prefix inside the bucket, e.g. pramaan/ (empty: the bucket root)"});
        KEYS.put(
                "blobs.s3.part-size",
                new String[] {Long.toString(8L << 20), "multipart upload part size in bytes (5 MiB to 5 GiB)"});
        KEYS.put(
                "blobs.s3.multipart-threshold",
                new String[] {Long.toString(16L << 20), "files larger than this many bytes are uploaded in parts"});
        // store=postgres (issue 15): checked at start-up; an unreachable host:port, a refused user or a missing
        // database stops it.
        KEYS.put("store.postgres.url", new String[] {
            "", "the shared database, jdbc:postgresql://host:port/database (required with store=postgres)"
        });
        KEYS.put("store.postgres.user", new String[] {"", "PostgreSQL user (required with store=postgres)"});
        KEYS.put("store.postgres.password", new String[] {"", "PostgreSQL password"});
        KEYS.put(
                "store.postgres.pool-size",
                new String[] {"10", "connections each node keeps open to PostgreSQL (1..1000)"});
        // Several nodes on one store (issue 15): each holds a node id while its heartbeats are fresh.
        KEYS.put("node.id", new String[] {
            "",
            "this node's id among the nodes sharing the store (letters, digits, . _ -; default: host name and a digest of data.dir)"
        });
        KEYS.put("node.heartbeat-interval", new String[] {"PT5S", "how often a node records that it is alive (ISO-8601)"
        });
        KEYS.put("node.live-for", new String[] {
            "PT30S",
            "a node without a heartbeat this long is dead: its id frees and its back-scans move to another node (at least 2 heartbeats)"
        });
        KEYS.put("http.host", new String[] {"127.0.0.1", "address the server binds to"});
        KEYS.put("http.port", new String[] {"8080", "server port; 0 picks a free one"});
        KEYS.put("http.request-budget", new String[] {
            "PT2M",
            "longest a request may work before it is stopped with 503 request.budget_exceeded (ISO-8601), for requests without media"
        });
        KEYS.put("http.media-budget", new String[] {
            "PT1H",
            "the same for requests that carry media (uploads, hashing, C2PA): screening a 1 h video on 2 shared cores takes about 30 min"
        });
        KEYS.put(
                "media.max-bytes",
                new String[] {Long.toString(MediaLimits.DEFAULT_MAX_BYTES), "largest accepted file in bytes"});
        KEYS.put(
                "media.max-pixels",
                new String[] {Long.toString(MediaLimits.DEFAULT_MAX_PIXELS), "largest accepted image in pixels"});
        KEYS.put(
                "media.vpdq.seconds-per-hash",
                new String[] {"1", "vPDQ: hash one video frame every this many seconds at intake (0: every frame)"});
        KEYS.put("media.max-av-duration", new String[] {
            "PT1H",
            "longest video or audio decoded for vPDQ and audio fingerprints (ISO-8601); longer files keep only their exact hashes"
        });
        KEYS.put(
                "bank.vpdq.min-query-percent",
                new String[] {"80", "share of an upload's frames (query side) that must match a banked video"});
        KEYS.put("bank.vpdq.min-matched-seconds", new String[] {
            "5", "and the matched run must cover this many seconds of the upload (or all of a shorter one)"
        });
        KEYS.put("policy.jurisdiction", new String[] {"IN", "screening policy (policies/<J>.json): IN or EU"});
        KEYS.put(
                "cases.rule-packs",
                new String[] {"IN,EU,US,CN", "comma-separated rule packs for notices (rulepacks/<J>.json)"});
        KEYS.put("cases.rule-pack-dir", new String[] {
            "", "folder whose <J>.json files replace the bundled rule packs (your published limits)"
        });
        KEYS.put(
                "cases.clock-check-interval",
                new String[] {"PT0.5S", "how often escalations and breaches are checked (ISO-8601 duration)"});
        KEYS.put("admin.key", new String[] {
            "", "register this admin API key at start-up instead of generating one (≥ 24 characters)"
        });
        KEYS.put("cases.content-url-pattern", new String[] {
            "",
            "regular expression with a group named id that takes your content id out of a URL in a notice, e.g. https://example\\.org/p/(?<id>[^/?#]+)"
        });
        KEYS.put("notify.webhook.url", new String[] {
            "", "your platform's webhook: every case event, and messages for your users, are POSTed here, signed"
        });
        KEYS.put("notify.webhook.secret", new String[] {
            "",
            "shared secret for the webhook's HMAC-SHA256 signature (≥ 16 characters; required with notify.webhook.url)"
        });
        KEYS.put("notify.smtp.host", new String[] {
            "",
            "SMTP server for e-mail to complainants who gave an address (none: they are reached through the webhook)"
        });
        KEYS.put("notify.smtp.port", new String[] {"25", "SMTP port"});
        KEYS.put("notify.smtp.from", new String[] {"", "sender address of e-mails (required with notify.smtp.host)"});
        KEYS.put("notify.smtp.username", new String[] {"", "SMTP user name, if the server wants one"});
        KEYS.put("notify.smtp.password", new String[] {"", "SMTP password"});
        KEYS.put("notify.smtp.starttls", new String[] {"false", "require STARTTLS (true or false)"});
        KEYS.put("notify.language", new String[] {"en", "language of messages when a notice names none: en or hi"});
        KEYS.put("notify.transparency-db.url", new String[] {
            "",
            "EU DSA Transparency Database API base URL (e.g. https://transparency.dsa.ec.europa.eu); statements of cases whose rule pack has a transparencyDatabase rule (the EU pack) are submitted there"
        });
        KEYS.put(
                "notify.transparency-db.token",
                new String[] {"", "API token for the Transparency Database (required with its URL)"});
        KEYS.put("notify.dispatch-interval", new String[] {"PT1S", "how often due messages are sent (ISO-8601 duration)"
        });
        KEYS.put("c2pa.trust-anchors", new String[] {
            "",
            "PEM bundle of C2PA trust anchors (e.g. the C2PA trust list); empty: manifests are Valid at best, never Trusted"
        });
        KEYS.put("c2pa.trust-config", new String[] {
            "", "accepted signer EKU OIDs, one per line (store.cfg); empty: the C2PA 2.2 §14.4.1 list"
        });
        KEYS.put("c2pa.signing-key", new String[] {
            "", "PEM private key for POST /v1/provenance/sign (with c2pa.signing-chain); empty: signing is off (503)"
        });
        KEYS.put("watermark.keys", new String[] {
            "", "keyed watermark detection keys, comma-separated id:base64 (16-64 bytes each); empty: not detected"
        });
        KEYS.put("watermark.signing-key", new String[] {
            "", "id of the watermark.keys entry generations are watermarked with; empty: no watermark on generations"
        });
        KEYS.put("watermark.operator-id", new String[] {
            "0", "operator id in the generation watermark's payload, 0-4095 (docs/watermark.md, Payload)"
        });
        KEYS.put("c2pa.signing-chain", new String[] {"", "PEM certificate chain of the signing key, signer first"});
        KEYS.put("labels.spoken-prompts", new String[] {
            "",
            "operator spoken audio prompts per language, lang=/path/prompt.wav,... (16-bit PCM WAV, at most 30 s),"
                    + " used where a label profile's audio.prompt is spoken or spoken-then-rhythm-ai"
        });
        KEYS.put("labels.filing-number", new String[] {
            "", "the service's filing number (CN DSP arts.19-20), shown on visible labels whose profile asks for it"
        });
        // The generator side (issue 14).
        KEYS.put(
                "generation.keep-prompts",
                new String[] {"false", "store generation prompts themselves (true) or only their SHA-256 (false)"});
        KEYS.put("generation.retention", new String[] {
            "P183D",
            "how long generation records are kept (ISO-8601 duration in days, at least P183D: six months, CN Labeling Measures art.9)"
        });
        KEYS.put("generation.unlabelled-profiles", new String[] {
            "",
            "profiles that allow an export without the visible label on the user's request (CN Labeling Measures art.9), comma-separated; empty: as each label profile's unlabelledExport rule says (CN, EU, US yes; IN no)"
        });
        KEYS.put("generation.producer", new String[] {
            "Pramaan", "the GB 45438 AIGC ContentProducer written into generated outputs (the service's name or code)"
        });
        // Detector models (issue 16): operator-installed ONNX files with manifests; nothing is downloaded.
        KEYS.put("detect.models-dir", new String[] {
            "",
            "folder of detector models (*.manifest.json beside their .onnx weights); needs pramaan-detect-onnx on the class path; empty: no models"
        });
        // Issue 16: enrolments and deletions on another node reach this one within this interval (GDPR Art. 17).
        KEYS.put("likeness.refresh-ms", new String[] {
            "1000",
            "how often at most (milliseconds, 0..3600000; 0: before every screening) a node checks whether the protected-persons registry changed on another node and re-reads it"
        });
        // Review console sessions (issue 13; OWASP Session Management: idle and absolute timeouts).
        KEYS.put(
                "console.session-idle-timeout",
                new String[] {"PT30M", "a console session ends after this long without a request (ISO-8601 duration)"});
        KEYS.put("console.session-lifetime", new String[] {
            "PT12H", "a console session ends this long after sign-in, however busy (ISO-8601 duration)"
        });
        KEYS.put("idempotency.retention", new String[] {
            "PT24H",
            "how long a response to a request with an Idempotency-Key is kept for retries (ISO-8601 duration, at least PT24H); swept hourly afterwards"
        });
        KEYS.put(
                "c2pa.signing-alg",
                new String[] {"es256", "C2PA signing algorithm: es256 es384 es512 ps256 ps384 ps512 ed25519"});
        KEYS.put(
                "http.rate-limit.enabled",
                new String[] {"true", "per-key request limits (token buckets); false turns them off"});
        KEYS.put(
                "http.rate-limit.admin.per-second",
                new String[] {"20", "requests per second an admin key may make on average"});
        KEYS.put(
                "http.rate-limit.admin.burst",
                new String[] {"600", "requests an admin key may make at once before the rate applies"});
        KEYS.put(
                "http.rate-limit.reviewer.per-second",
                new String[] {"20", "requests per second a reviewer key may make on average"});
        KEYS.put("http.rate-limit.reviewer.burst", new String[] {"600", "requests a reviewer key may make at once"});
        KEYS.put(
                "http.rate-limit.ingest.per-second",
                new String[] {"100", "requests per second an ingest key (the upload path) may make on average"});
        KEYS.put("http.rate-limit.ingest.burst", new String[] {"3000", "requests an ingest key may make at once"});
        KEYS.put("http.rate-limit.auth-failures.per-second", new String[] {
            "5",
            "failed authentications (401) per second allowed from one remote address; past it, the address gets 429 before its key is checked"
        });
        KEYS.put(
                "http.rate-limit.auth-failures.burst",
                new String[] {"300", "failed authentications one address may make at once"});
        KEYS.put(
                "log.format",
                new String[] {"text", "log format: text, or json for one JSON object per line (logback JsonEncoder)"});
        KEYS.put("audit.checkpoint-key", new String[] {
            "",
            "Ed25519 key that signs audit checkpoints; outside the data directory; created (owner-only) on first start if absent. "
                    + "Empty: <data.dir>-audit-checkpoint.key beside the data directory"
        });
        KEYS.put("audit.checkpoint-interval", new String[] {
            "100",
            "sign a checkpoint of the audit chain into <data.dir>/audit-checkpoints.jsonl every this many entries (and at shutdown)"
        });
        KEYS.put("banks.max-import-bytes", new String[] {
            Long.toString(org.pramaan.banks.BankFiles.Limits.DEFAULT.maxBytes()),
            "largest bank import (API body or CLI file) in bytes; larger ones are refused with 413 bank.import_too_large"
        });
        KEYS.put("backscan.allowed-roots", new String[] {
            "", "comma-separated absolute folders an admin may back-scan (issue 17); empty: folder scans are refused"
        });
        KEYS.put(
                "backscan.batch-size",
                new String[] {"50", "items per committed back-scan batch (a crash redoes at most this many)"});
        KEYS.put("backscan.max-list-items", new String[] {"100000", "most entries in one list back-scan"});
        KEYS.put("backscan.max-folder-items", new String[] {"1000000", "most files one folder back-scan enumerates"});
        KEYS.put("backscan.fetch-root", new String[] {
            "", "folder that list back-scan entries are read from as relative paths; empty: no folder fetching"
        });
        KEYS.put("backscan.fetch-url-prefixes", new String[] {
            "",
            "comma-separated http(s) URL prefixes list back-scan entries may be fetched from; empty: no HTTP fetching"
        });
        KEYS.put("backscan.fetch-max-bytes", new String[] {"67108864", "largest list back-scan entry fetched, in bytes"
        });
        KEYS.put("backscan.fetch-timeout", new String[] {"PT30S", "longest fetch of one list back-scan entry"});
        // Back-scans of a bucket prefix of the platform's own S3-compatible storage (issue 17 part 2 (b)): jobs name a
        // bucket and prefix only; the endpoint and credentials stay here, and only the listed buckets may be read.
        KEYS.put("backscan.s3.endpoint", new String[] {
            "", "S3 API base URL of the platform's own storage for bucket-prefix back-scans; empty: they are off"
        });
        KEYS.put("backscan.s3.region", new String[] {"us-east-1", "S3 signing region of backscan.s3.endpoint"});
        KEYS.put("backscan.s3.access-key", new String[] {"", "S3 access key id for bucket-prefix back-scans"});
        KEYS.put(
                "backscan.s3.secret-key",
                new String[] {"", "S3 secret access key for bucket-prefix back-scans (never shown in errors)"});
        KEYS.put("backscan.s3.buckets", new String[] {
            "", "comma-separated buckets bucket-prefix back-scans may read (required with backscan.s3.endpoint)"
        });
        KEYS.put(
                "backscan.s3.max-object-bytes",
                new String[] {"67108864", "largest object a bucket-prefix back-scan fetches, in bytes"});
        KEYS.put("backscan.on-bank-addition", new String[] {
            "true", "scan the stored media near newly banked items for matches to them (true or false)"
        });
        KEYS.put("console.quality-sample-rate", new String[] {
            "0.1", "share of decided cases (0..1) sampled for a blind second review in the console's quality queue"
        });
        KEYS.put("banks.max-import-items", new String[] {
            Long.toString(org.pramaan.banks.BankFiles.Limits.DEFAULT.maxItems()),
            "most items in one bank import (each stays in memory in the match index: raise with the heap); at most "
                    + org.pramaan.banks.BankFiles.MAX_ITEMS
        });
    }

    /** A signing key without its chain (or the reverse), or one that does not fit the algorithm or the certificate, stops start-up. */
    private PramaanConfig checkedSigning(Parser p) {
        Signing c2paSigning = provenance.signing();
        if (c2paSigning.key().isPresent() != c2paSigning.chain().isPresent()) {
            throw p.bad(
                    c2paSigning.key().isPresent() ? "c2pa.signing-chain" : "c2pa.signing-key",
                    "is required when the other C2PA signing file is set");
        }
        try {
            org.pramaan.provenance.c2pa.SigningAlgorithm.parse(c2paSigning.alg());
        } catch (IllegalArgumentException e) {
            throw p.bad("c2pa.signing-alg", e.getMessage());
        }
        try {
            provenance.signer(Clock.systemUTC(), "check");
        } catch (org.pramaan.provenance.c2pa.SigningKey.AlgorithmMismatchException e) {
            throw p.bad("c2pa.signing-alg", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw p.bad("c2pa.signing-key", e.getMessage());
        }
        return this;
    }

    /** Bad configuration stops start-up: the trust files must parse. */
    private PramaanConfig checkedTrust(Parser p) {
        try {
            provenance.trust(Clock.systemUTC());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw p.badTrust(e.getMessage());
        }
        return this;
    }

    public static PramaanConfig load(Map<String, String> env, Properties system) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        KEYS.forEach((k, v) -> {
            values.put(k, v[0]);
            origin.put(k, "default");
        });
        Path file = Path.of(env.getOrDefault("PRAMAAN_CONFIG", "pramaan.properties"));
        if (env.containsKey("PRAMAAN_CONFIG") || Files.isRegularFile(file)) readFile(file, values, origin);
        for (String k : KEYS.keySet()) {
            String e = env.get(envName(k));
            if (e != null) {
                values.put(k, e);
                origin.put(k, "environment variable " + envName(k));
            }
            String s = system.getProperty("pramaan." + k);
            if (s != null) {
                values.put(k, s);
                origin.put(k, "system property pramaan." + k);
            }
        }
        return new Parser(values, origin).config();
    }

    static String envName(String key) {
        return "PRAMAAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void readFile(Path file, Map<String, String> values, Map<String, String> origin) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        for (String k : p.stringPropertyNames()) {
            if (!KEYS.containsKey(k)) {
                throw new IllegalArgumentException(
                        "unknown key '" + k + "' in " + file + "; known keys: " + String.join(", ", KEYS.keySet()));
            }
            values.put(k, p.getProperty(k).trim());
            origin.put(k, file.toString());
        }
    }

    private record Parser(Map<String, String> values, Map<String, String> origin) {
        PramaanConfig config() {
            String admin = values.get("admin.key");
            if (!admin.isEmpty() && admin.length() < 24) throw bad("admin.key", "must be at least 24 characters");
            int port = (int) number("http.port", 0, 65535);
            // Read in the order the keys were always checked, so a configuration with several bad values is refused on
            // the same one as before.
            String store = store();
            Path dataDir = Path.of(values.get("data.dir"));
            String host = values.get("http.host");
            MediaLimits limits = new MediaLimits(
                    number("media.max-bytes", 1, Long.MAX_VALUE), number("media.max-pixels", 1, Long.MAX_VALUE));
            String jurisdiction = values.get("policy.jurisdiction").toUpperCase(Locale.ROOT);
            List<String> packs = Arrays.stream(values.get("cases.rule-packs").split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
            Optional<Path> ruleDir = ruleDir();
            Duration clockCheck = duration("cases.clock-check-interval");
            Access access = new Access(admin.isEmpty() ? Optional.empty() : Optional.of(admin));
            Optional<com.google.re2j.Pattern> urlPattern = urlPattern();
            Notify notify = notifications();
            Optional<Path> trustAnchors = file("c2pa.trust-anchors");
            Optional<Path> trustConfig = file("c2pa.trust-config");
            Av av = av();
            Signing signing =
                    new Signing(file("c2pa.signing-key"), file("c2pa.signing-chain"), values.get("c2pa.signing-alg"));
            var rateLimits = rateLimits();
            String logFormat = logFormat();
            Checkpointing checkpoints = checkpointing();
            Duration retention = idempotencyRetention();
            var budgets = new org.pramaan.http.RequestBudget.Settings(
                    duration("http.request-budget"), duration("http.media-budget"));
            var imports = new org.pramaan.banks.BankFiles.Limits(
                    number("banks.max-import-bytes", 1, Long.MAX_VALUE),
                    number("banks.max-import-items", 1, org.pramaan.banks.BankFiles.MAX_ITEMS));
            return new PramaanConfig(
                            new Storage(store, dataDir, retention, checkpoints, storeOptions(store), node(dataDir)),
                            new Http(host, port, rateLimits, budgets, logFormat),
                            limits,
                            av,
                            new Policy(jurisdiction, packs, ruleDir, clockCheck, urlPattern),
                            access,
                            notify,
                            new Provenance(
                                    trustAnchors,
                                    trustConfig,
                                    signing,
                                    watermarkKeys(),
                                    filingNumber(),
                                    watermarkSigningKey(),
                                    (int) number(
                                            "watermark.operator-id",
                                            0,
                                            org.pramaan.generation.WatermarkPayload.MAX_OPERATOR),
                                    spokenPrompts()),
                            new Banks(imports, backscan()),
                            new Console(consoleSettings(), decimal("console.quality-sample-rate", 0, 1)),
                            generation(),
                            blobs(),
                            new Detect(modelsDir(), Duration.ofMillis(number("likeness.refresh-ms", 0, 3_600_000))),
                            queue(store))
                    .checkedTrust(this)
                    .checkedSigning(this);
        }

        /**
         * {@code labels.spoken-prompts}: every file is read and checked now, so a missing or unreadable prompt
         * stops start-up rather than the first label request.
         */
        private Map<String, org.pramaan.labels.SpokenPrompt> spokenPrompts() {
            String v = values.get("labels.spoken-prompts").strip();
            Map<String, org.pramaan.labels.SpokenPrompt> out = new LinkedHashMap<>();
            if (v.isEmpty()) return Map.of();
            if (v.length() > 4096) throw bad("labels.spoken-prompts", "is at most 4096 characters, got " + v.length());
            int from = 0;
            while (from <= v.length()) {
                int comma = v.indexOf(',', from);
                String entry = v.substring(from, comma < 0 ? v.length() : comma).strip();
                from = comma < 0 ? v.length() + 1 : comma + 1;
                int eq = entry.indexOf('=');
                String lang = eq < 0 ? "" : entry.substring(0, eq).strip();
                if (lang.length() < 2 || lang.length() > 3 || !lang.chars().allMatch(c -> c >= 'a' && c <= 'z'))
                    throw bad(
                            "labels.spoken-prompts",
                            "entries are lang=/path/prompt.wav with a 2-3 letter" + " lower-case language, got '"
                                    + (entry.length() > 40 ? entry.substring(0, 40) + "…" : entry) + "'");
                if (out.containsKey(lang)) throw bad("labels.spoken-prompts", "names '" + lang + "' twice");
                try {
                    out.put(
                            lang,
                            org.pramaan.labels.SpokenPrompt.load(
                                    Path.of(entry.substring(eq + 1).strip()), lang));
                } catch (IllegalArgumentException e) {
                    throw bad("labels.spoken-prompts", e.getMessage());
                }
            }
            return Map.copyOf(out);
        }

        /** {@code labels.filing-number}: shown on labels, so a control character or a page of text stops start-up. */
        private Optional<String> filingNumber() {
            String v = values.get("labels.filing-number").strip();
            if (v.isEmpty()) return Optional.empty();
            if (v.length() > 64) throw bad("labels.filing-number", "is at most 64 characters, got " + v.length());
            if (v.chars().anyMatch(Character::isISOControl))
                throw bad("labels.filing-number", "has a control character");
            return Optional.of(v);
        }

        /**
         * A store kind no provider on the class path answers to stops start-up; the scaled kinds
         * (postgres, kafka, s3) are refused as not built yet rather than as unknown.
         */
        private String store() {
            String kind = values.get("store");
            org.pramaan.adapters.AdapterRegistry installed = org.pramaan.adapters.AdapterRegistry.installed();
            if (installed.find(kind).isEmpty()) throw bad("store", installed.refusal(kind));
            return kind;
        }

        /**
         * {@code blobs}: local, or a kind a {@link org.pramaan.adapters.BlobStoreProvider} on the class path
         * answers to, whose options it checks now (reachability, the bucket and the credentials are proven
         * when the store opens at start-up).
         */
        private Blobs blobs() {
            String kind = values.get("blobs").strip();
            if (kind.equals(Blobs.LOCAL)) return new Blobs(kind, Map.of());
            java.util.Map<String, org.pramaan.adapters.BlobStoreProvider> installed = BlobSelection.installed();
            org.pramaan.adapters.BlobStoreProvider provider = installed.get(kind);
            if (provider == null)
                throw bad(
                        "blobs",
                        "names no blob store; available: "
                                + String.join(", ", new java.util.TreeSet<>(installed.keySet()))
                                + (installed.isEmpty() ? "" : ", ") + Blobs.LOCAL);
            String prefix = "blobs." + kind + ".";
            Map<String, String> options = new java.util.TreeMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(prefix)) options.put(k.substring(prefix.length()), v);
            });
            try {
                provider.check(options);
            } catch (org.pramaan.errors.Invalid e) {
                String key = e.field().filter(values::containsKey).orElse("blobs");
                throw bad(key, e.getMessage());
            }
            return new Blobs(kind, options);
        }

        /**
         * The chosen store's own keys ({@code store.<kind>.*}, without the prefix). For postgres the URL and user are
         * required and the URL must be a PostgreSQL JDBC URL; whether the server answers is checked when it opens.
         */
        /** {@code queue}: kafka needs a store the nodes share and a broker list of host:port entries. */
        private Queue queue(String store) {
            String kind = values.get("queue").strip();
            if (kind.equals("in-process")) return Queue.IN_PROCESS;
            if (!kind.equals("kafka")) throw bad("queue", "must be in-process or kafka");
            if (!store.equals("postgres"))
                throw bad(
                        "queue",
                        "queue=kafka needs a store several nodes share: set store=postgres (store=" + store + ")");
            String bootstrap = values.get("queue.kafka.bootstrap").strip();
            if (bootstrap.isEmpty()) throw bad("queue.kafka.bootstrap", "is required with queue=kafka");
            if (bootstrap.length() > 2048) throw bad("queue.kafka.bootstrap", "is at most 2048 characters");
            for (String hp : org.pramaan.limits.PlainText.split(bootstrap, ',', false)) {
                String e = hp.strip();
                int colon = e.lastIndexOf(':');
                String port = colon < 0 ? "" : e.substring(colon + 1);
                boolean ok = colon > 0
                        && !port.isEmpty()
                        && port.length() <= 5
                        && port.chars().allMatch(c -> c >= '0' && c <= '9')
                        && Integer.parseInt(port) >= 1
                        && Integer.parseInt(port) <= 65535
                        && e.substring(0, colon)
                                .chars()
                                .allMatch(c -> Character.isLetterOrDigit(c)
                                        || c == '.'
                                        || c == '-'
                                        || c == '['
                                        || c == ']'
                                        || c == ':');
                if (!ok) throw bad("queue.kafka.bootstrap", "'" + e + "' is not host:port");
            }
            String topic = values.get("queue.kafka.topic").strip();
            // Kafka topic names: 1-249 characters of [a-zA-Z0-9._-].
            if (topic.isEmpty()
                    || topic.length() > 249
                    || !topic.chars()
                            .allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-'))
                throw bad("queue.kafka.topic", "must be 1-249 characters of a-z, A-Z, 0-9, '.', '_' and '-'");
            String events = values.get("queue.kafka.events").strip();
            if (!events.equals("on") && !events.equals("off"))
                throw bad("queue.kafka.events", "must be on or off, got '" + events + "'");
            String prefix = values.get("queue.kafka.events-prefix").strip();
            // Kafka topic names are at most 249 characters; the longest suffix added is ".media"/".cases"/".audit".
            if (prefix.isEmpty()
                    || prefix.length() > 240
                    || !prefix.chars()
                            .allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-'))
                throw bad("queue.kafka.events-prefix", "must be 1-240 characters of a-z, A-Z, 0-9, '.', '_' and '-'");
            return new Queue(
                    kind,
                    bootstrap,
                    topic,
                    (int) number("queue.kafka.partitions", 1, 10_000),
                    (short) number("queue.kafka.replication", 1, 32),
                    duration("queue.kafka.replay"),
                    events.equals("on") ? prefix : "");
        }

        private Map<String, String> storeOptions(String kind) {
            if (!kind.equals("postgres")) return Map.of();
            String url = values.get("store.postgres.url").strip();
            if (url.isEmpty()) throw bad("store.postgres.url", "is required with store=postgres");
            if (url.length() > 2048) throw bad("store.postgres.url", "is at most 2048 characters, got " + url.length());
            if (!url.startsWith("jdbc:postgresql://"))
                throw bad(
                        "store.postgres.url",
                        "must start with jdbc:postgresql:// (e.g. jdbc:postgresql://db:5432/pramaan)");
            String user = values.get("store.postgres.user").strip();
            if (user.isEmpty()) throw bad("store.postgres.user", "is required with store=postgres");
            long pool = number("store.postgres.pool-size", 1, 1000);
            return Map.of(
                    "url",
                    url,
                    "user",
                    user,
                    "password",
                    values.get("store.postgres.password"),
                    "pool-size",
                    Long.toString(pool));
        }

        private Node node(Path dataDir) {
            String id = values.get("node.id").strip();
            if (id.isEmpty()) id = Node.defaultId(dataDir);
            try {
                org.pramaan.nodes.NodeMembership.checkId(id);
            } catch (org.pramaan.errors.Invalid e) {
                throw bad("node.id", e.getMessage());
            }
            Duration beat = duration("node.heartbeat-interval");
            Duration live = duration("node.live-for");
            if (live.compareTo(beat.multipliedBy(2)) < 0)
                throw bad("node.live-for", "must be at least twice node.heartbeat-interval (" + beat + ")");
            return new Node(id, beat, live);
        }

        private org.pramaan.http.RateLimiter.Settings rateLimits() {
            String enabled = values.get("http.rate-limit.enabled");
            if (!enabled.equals("true") && !enabled.equals("false"))
                throw bad("http.rate-limit.enabled", "must be true or false");
            java.util.Map<org.pramaan.access.Role, org.pramaan.http.RateLimiter.Limit> perRole =
                    new java.util.EnumMap<>(org.pramaan.access.Role.class);
            for (org.pramaan.access.Role r : org.pramaan.access.Role.values())
                perRole.put(r, limit("http.rate-limit." + r.wireName()));
            return new org.pramaan.http.RateLimiter.Settings(
                    enabled.equals("true"), perRole, limit("http.rate-limit.auth-failures"));
        }

        private org.pramaan.http.RateLimiter.Limit limit(String prefix) {
            return new org.pramaan.http.RateLimiter.Limit(
                    decimal(prefix + ".per-second", 0.001, 1_000_000), number(prefix + ".burst", 1, 1_000_000));
        }

        private String logFormat() {
            String f = values.get("log.format");
            if (!f.equals("text") && !f.equals("json")) throw bad("log.format", "must be text or json");
            return f;
        }

        /** A key inside the data directory would travel with every copy of it; a key file that exists must be a valid pair. */
        private Checkpointing checkpointing() {
            int interval = (int) number("audit.checkpoint-interval", 1, 1_000_000);
            Path data = Path.of(values.get("data.dir")).toAbsolutePath().normalize();
            String k = values.get("audit.checkpoint-key");
            Path key = k.isBlank()
                    ? data.resolveSibling(data.getFileName() + "-audit-checkpoint.key")
                    : Path.of(k).toAbsolutePath().normalize();
            if (key.startsWith(data))
                throw bad(
                        "audit.checkpoint-key",
                        "must be outside the data directory " + data
                                + ": a copy of the data must not carry the key that vouches for it");
            if (Files.exists(key)) {
                try {
                    org.pramaan.audit.CheckpointKey.load(key);
                } catch (IllegalStateException e) {
                    throw bad("audit.checkpoint-key", e.getMessage());
                }
            }
            return new Checkpointing(key, interval);
        }

        private Av av() {
            double seconds = decimal("media.vpdq.seconds-per-hash", 0, 3600);
            Duration max = duration("media.max-av-duration");
            org.pramaan.media.decode.DecodeLimits d = org.pramaan.media.decode.DecodeLimits.DEFAULT;
            // Frames allowed scale with the duration at 60 fps, so a longer limit is not undone by the frame count.
            long frames = Math.max(1, Math.multiplyExact(Math.max(1, max.toSeconds()), 60L));
            return new Av(
                    new org.pramaan.signals.AvHasher.Settings(
                            new org.pramaan.hash.VpdqSampling(seconds, 0),
                            new org.pramaan.media.decode.DecodeLimits(max, frames, d.maxFramePixels())),
                    new org.pramaan.banks.AvMatchPolicy(
                            decimal("bank.vpdq.min-query-percent", 1, 100),
                            decimal("bank.vpdq.min-matched-seconds", 0, 3600),
                            new org.pramaan.hash.AudioMatcher()));
        }

        private double decimal(String key, double min, double max) {
            try {
                double v = Double.parseDouble(values.get(key));
                if (!(v >= min && v <= max)) throw bad(key, "must be between " + min + " and " + max);
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "is not a number");
            }
        }

        /** RE2 syntax, so matching a client's URL is linear in its length (issue 11); back-references and look-around are refused here, at start-up. */
        private Optional<com.google.re2j.Pattern> urlPattern() {
            String p = values.get("cases.content-url-pattern");
            if (p.isBlank()) return Optional.empty();
            try {
                com.google.re2j.Pattern compiled = com.google.re2j.Pattern.compile(p);
                if (!p.contains("(?<id>") && !p.contains("(?P<id>"))
                    throw bad("cases.content-url-pattern", "needs a group named id, e.g. (?<id>[^/?#]+)");
                return Optional.of(compiled);
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw bad(
                        "cases.content-url-pattern",
                        "is not an RE2 regular expression (linear-time syntax: no back-references or look-around): "
                                + e.getDescription()
                                + (e.getPattern().isEmpty() ? "" : " at '" + e.getPattern() + "'"));
            }
        }

        private Backscan backscan() {
            List<Path> roots = new java.util.ArrayList<>();
            for (String r : values.get("backscan.allowed-roots").split(",", -1)) {
                if (r.isBlank()) continue;
                Path p = Path.of(r.trim());
                if (!p.isAbsolute() || !Files.isDirectory(p))
                    throw bad("backscan.allowed-roots", "names '" + r.trim() + "', which is not an absolute folder");
                roots.add(p);
            }
            Optional<String> fetchRoot = optional("backscan.fetch-root");
            if (fetchRoot.isPresent() && !Files.isDirectory(Path.of(fetchRoot.get())))
                throw bad("backscan.fetch-root", "is not a folder");
            List<String> prefixes = new java.util.ArrayList<>();
            for (String u : values.get("backscan.fetch-url-prefixes").split(",", -1)) {
                if (u.isBlank()) continue;
                httpUrl("backscan.fetch-url-prefixes", u.trim());
                prefixes.add(u.trim());
            }
            String onAdd = values.get("backscan.on-bank-addition");
            if (!onAdd.equals("true") && !onAdd.equals("false"))
                throw bad("backscan.on-bank-addition", "must be true or false");
            return new Backscan(
                    new org.pramaan.backscan.ScanSettings(
                            roots,
                            (int) number("backscan.batch-size", 1, 10_000),
                            (int) number("backscan.max-list-items", 1, 9_999_999),
                            (int) number("backscan.max-folder-items", 1, Integer.MAX_VALUE)),
                    fetchRoot.map(Path::of),
                    List.copyOf(prefixes),
                    number("backscan.fetch-max-bytes", 1, Long.MAX_VALUE),
                    duration("backscan.fetch-timeout"),
                    onAdd.equals("true"),
                    backscanS3());
        }

        /** {@code backscan.s3.*} checked by the provider on the class path, or none when the endpoint is unset. */
        private Optional<Map<String, String>> backscanS3() {
            Map<String, String> options = new java.util.TreeMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith("backscan.s3.")) options.put(k.substring("backscan.s3.".length()), v);
            });
            Optional<org.pramaan.adapters.ObjectSourceProvider> provider = BackscanWiring.objectProvider("s3");
            if (provider.isEmpty()) {
                if (!options.getOrDefault("endpoint", "").isBlank())
                    throw bad("backscan.s3.endpoint", "is set but no S3 object-source provider is on the class path");
                return Optional.empty();
            }
            try {
                return provider.get().check(options) ? Optional.of(Map.copyOf(options)) : Optional.empty();
            } catch (org.pramaan.errors.Invalid e) {
                String key = e.field().filter(values::containsKey).orElse("backscan.s3.endpoint");
                throw bad(key, e.getMessage());
            }
        }

        private Optional<String> optional(String key) {
            String v = values.get(key);
            return v.isBlank() ? Optional.empty() : Optional.of(v);
        }

        private Notify notifications() {
            Optional<String> hook = optional("notify.webhook.url");
            hook.ifPresent(u -> httpUrl("notify.webhook.url", u));
            Optional<String> secret = optional("notify.webhook.secret");
            if (hook.isPresent() && secret.map(x -> x.length() < 16).orElse(true))
                throw bad("notify.webhook.secret", "must be at least 16 characters when notify.webhook.url is set");
            Optional<String> smtp = optional("notify.smtp.host");
            if (smtp.isPresent() && !values.get("notify.smtp.from").contains("@"))
                throw bad("notify.smtp.from", "must be an e-mail address when notify.smtp.host is set");
            String starttls = values.get("notify.smtp.starttls");
            if (!starttls.equals("true") && !starttls.equals("false"))
                throw bad("notify.smtp.starttls", "must be true or false");
            String language = values.get("notify.language");
            if (!org.pramaan.notify.Templates.LANGUAGES.contains(language))
                throw bad("notify.language", "must be one of " + org.pramaan.notify.Templates.LANGUAGES);
            Optional<String> tdb = optional("notify.transparency-db.url");
            tdb.ifPresent(u -> httpUrl("notify.transparency-db.url", u));
            if (tdb.isPresent() && optional("notify.transparency-db.token").isEmpty())
                throw bad("notify.transparency-db.token", "is required when notify.transparency-db.url is set");
            return new Notify(
                    hook,
                    secret,
                    smtp,
                    (int) number("notify.smtp.port", 1, 65535),
                    values.get("notify.smtp.from"),
                    optional("notify.smtp.username"),
                    optional("notify.smtp.password"),
                    starttls.equals("true"),
                    language,
                    tdb,
                    optional("notify.transparency-db.token"),
                    duration("notify.dispatch-interval"));
        }

        private void httpUrl(String key, String u) {
            try {
                java.net.URI uri = new java.net.URI(u);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null)
                    throw bad(key, "must be an http(s) URL");
            } catch (java.net.URISyntaxException e) {
                throw bad(key, "is not a URL: " + e.getReason());
            }
        }

        private Optional<Path> file(String key) {
            String f = values.get(key);
            if (f.isBlank()) return Optional.empty();
            if (!Files.isRegularFile(Path.of(f))) throw bad(key, "is not a file");
            return Optional.of(Path.of(f));
        }

        private Optional<Path> modelsDir() {
            String d = values.get("detect.models-dir");
            if (d.isBlank()) return Optional.empty();
            if (!Files.isDirectory(Path.of(d))) throw bad("detect.models-dir", "is not a folder");
            return Optional.of(Path.of(d));
        }

        private Optional<Path> ruleDir() {
            String d = values.get("cases.rule-pack-dir");
            if (d.isBlank()) return Optional.empty();
            if (!Files.isDirectory(Path.of(d))) throw bad("cases.rule-pack-dir", "is not a folder");
            return Optional.of(Path.of(d));
        }

        private long number(String key, long min, long max) {
            try {
                long v = Long.parseLong(values.get(key));
                if (v < min || v > max) throw bad(key, "must be between " + min + " and " + max);
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "is not a whole number");
            }
        }

        /** draft-ietf-httpapi-idempotency-key-header: clients expect a retry within a day to be safe; a shorter window is refused. */
        private Duration idempotencyRetention() {
            Duration d = duration("idempotency.retention");
            if (d.compareTo(org.pramaan.idempotency.IdempotentRequests.MIN_RETENTION) < 0)
                throw bad("idempotency.retention", "must be at least PT24H");
            return d;
        }

        private org.pramaan.generation.Generations.Settings generation() {
            String keep = values.get("generation.keep-prompts");
            if (!keep.equals("true") && !keep.equals("false"))
                throw bad("generation.keep-prompts", "must be true or false");
            Duration retention = duration("generation.retention");
            if (retention.compareTo(org.pramaan.generation.Generations.MIN_RETENTION) < 0)
                throw bad("generation.retention", "must be at least P183D (six months, CN Labeling Measures art.9)");
            // One filing number for the service (CN DSP arts.19-20), labels.filing-number: drawn on the visible labels
            // whose profile asks for it and kept in every generation record.
            Optional<String> filing = filingNumber();
            java.util.Set<String> profiles = new java.util.TreeSet<>();
            for (String s :
                    org.pramaan.limits.PlainText.split(values.get("generation.unlabelled-profiles"), ',', false)) {
                String j = s.trim().toUpperCase(Locale.ROOT);
                if (j.isEmpty()) continue;
                if (!org.pramaan.limits.PlainText.isUpperLetters(j, j.length()) || j.length() > 8)
                    throw bad("generation.unlabelled-profiles", "'" + j + "' is no jurisdiction code such as CN");
                profiles.add(j);
            }
            String producer = values.get("generation.producer").trim();
            if (producer.isEmpty() || producer.length() > 256)
                throw bad("generation.producer", "must be 1 to 256 characters");
            return new org.pramaan.generation.Generations.Settings(
                    keep.equals("true"), retention, filing, profiles, producer);
        }

        private org.pramaan.console.Console.Settings consoleSettings() {
            Duration idle = duration("console.session-idle-timeout");
            Duration lifetime = duration("console.session-lifetime");
            if (lifetime.compareTo(idle) < 0)
                throw bad("console.session-lifetime", "must be at least console.session-idle-timeout (" + idle + ")");
            return new org.pramaan.console.Console.Settings(idle, lifetime);
        }

        private Duration duration(String key) {
            try {
                Duration d = Duration.parse(values.get(key));
                if (d.isNegative() || d.isZero()) throw bad(key, "must be positive");
                return d;
            } catch (DateTimeParseException e) {
                throw bad(key, "is not an ISO-8601 duration such as PT1S");
            }
        }

        IllegalArgumentException badTrust(String problem) {
            return bad("c2pa.trust-anchors", problem);
        }

        /** {@code watermark.keys}: each entry must parse and ids must be unique (a detection names its key). */
        List<org.pramaan.watermark.WatermarkKey> watermarkKeys() {
            List<org.pramaan.watermark.WatermarkKey> keys = new java.util.ArrayList<>();
            for (String entry : values.get("watermark.keys").split(",", -1)) {
                if (entry.isBlank()) continue;
                try {
                    var key = org.pramaan.watermark.WatermarkKey.parse(entry.trim());
                    if (keys.stream().anyMatch(k -> k.id().equals(key.id())))
                        throw bad("watermark.keys", "names key id '" + key.id() + "' twice");
                    keys.add(key);
                } catch (IllegalArgumentException e) {
                    if (e.getMessage().startsWith("configuration ")) throw e;
                    throw bad("watermark.keys", "has a bad entry: " + e.getMessage());
                }
            }
            return List.copyOf(keys);
        }

        /** {@code watermark.signing-key}: must name one of {@code watermark.keys}. */
        Optional<String> watermarkSigningKey() {
            Optional<String> id = optional("watermark.signing-key");
            if (id.isPresent() && watermarkKeys().stream().noneMatch(k -> k.id().equals(id.get())))
                throw bad("watermark.signing-key", "names no key of watermark.keys");
            return id;
        }

        IllegalArgumentException bad(String key, String problem) {
            // Secrets are never echoed into logs or terminals.
            boolean secret = key.endsWith("secret")
                    || key.endsWith("password")
                    || key.endsWith("token")
                    || key.endsWith("secret-key")
                    || key.equals("admin.key")
                    || key.equals("watermark.keys");
            String shown = secret ? "<" + values.get(key).length() + " characters, hidden>" : values.get(key);
            return new IllegalArgumentException(
                    "configuration " + key + "='" + shown + "' (from " + origin.get(key) + ") " + problem);
        }
    }
}

package org.pramaan.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.HashBanks;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.hash.PdqResult;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.provenance.Aigc;
import org.pramaan.provenance.c2pa.C2paSigner;

/**
 * Records a generation: checks consents and the unlabelled-export rule, marks the output (the
 * configured {@link MarkStep}s, then the metadata labels, then C2PA last because it hashes the final
 * bytes), banks its hashes in {@value #BANK} and stores the record, all in one unit of work with its
 * audit entry.
 */
public final class Generations {
    /** The Code of Practice's fingerprint registry: every output we marked, by SHA-256 and PDQ. */
    public static final String BANK = "generated";

    public static final String CONSENT_REQUIRED = "generation.consent_required";

    /** CN Labeling Measures art.9 and DSP art.17 ask for six months; a shorter retention stops start-up. */
    public static final Duration MIN_RETENTION = Duration.ofDays(183);

    /**
     * How generations are recorded.
     *
     * @param keepPrompts        store the prompt itself ({@code generation.keep-prompts}); else only its SHA-256
     * @param retention          how long records are kept ({@code generation.retention}, at least {@link #MIN_RETENTION})
     * @param filingNumber       the algorithm filing number (CN DSP arts.19-20; {@code labels.filing-number}, shared with the visible labels)
     * @param unlabelledProfiles profiles that allow an export without the explicit label
     *                           ({@code generation.unlabelled-profiles}; CN Labeling Measures art.9); empty:
     *                           as each label profile's {@code unlabelledExport} rule says
     * @param producer           the GB 45438 {@code ContentProducer} written into outputs ({@code generation.producer})
     */
    public record Settings(
            boolean keepPrompts,
            Duration retention,
            Optional<String> filingNumber,
            Set<String> unlabelledProfiles,
            String producer) {
        public Settings {
            if (retention.compareTo(MIN_RETENTION) < 0)
                throw new IllegalArgumentException("generation retention must be at least " + MIN_RETENTION.toDays()
                        + " days (six months), got " + retention);
            unlabelledProfiles = Set.copyOf(unlabelledProfiles);
            Objects.requireNonNull(filingNumber, "filingNumber");
            Objects.requireNonNull(producer, "producer");
        }
    }

    /** The marked file and its stored record; {@code replayed} when an idempotency key returned an earlier one. */
    public record Generated(GenerationRecord record, byte[] file, boolean replayed) {
        public Generated(GenerationRecord record, byte[] file) {
            this(record, file, false);
        }
    }

    private final GenerationRepository repository;
    private final HashBanks banks;
    private final AuditLog audit;
    private final Clock clock;
    private final List<MarkStep> steps;
    private final Optional<C2paSigner> signer;
    private final OutputHashes hashes;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    public Generations(
            GenerationRepository repository,
            HashBanks banks,
            AuditLog audit,
            Clock clock,
            List<MarkStep> steps,
            Optional<C2paSigner> signer,
            Settings settings) {
        this(repository, banks, audit, clock, steps, signer, settings, org.pramaan.signals.AvHasher.none());
    }

    /**
     * Generations whose video and audio outputs are also banked by their perceptual hashes.
     *
     * @param av vPDQ and audio fingerprints of video and audio outputs (intake's hasher; {@code none()}: SHA-256 only)
     */
    public Generations(
            GenerationRepository repository,
            HashBanks banks,
            AuditLog audit,
            Clock clock,
            List<MarkStep> steps,
            Optional<C2paSigner> signer,
            Settings settings,
            org.pramaan.signals.AvHasher av) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.banks = Objects.requireNonNull(banks, "banks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.steps = List.copyOf(steps);
        this.signer = Objects.requireNonNull(signer, "signer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hashes = new OutputHashes(av);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Marks {@code file} and records the generation.
     *
     * @throws Invalid     naming the field for a bad context or a file that is not JPEG, PNG, WebP, MP4, MP3 or WAV
     * @throws Forbidden   {@value #CONSENT_REQUIRED} without a valid consent for a subject (CN DSP art.14);
     *                     {@code generation.unlabelled_not_allowed} when the profile requires the explicit label
     */
    public Generated record(byte[] file, GenerationContext ctx, Actor actor) throws IOException {
        return record(file, ctx, actor, (rec, out) -> {});
    }

    /** As {@link #record(byte[], GenerationContext, Actor)}; {@code inUnit} runs first in the record's unit of work. */
    Generated record(
            byte[] file,
            GenerationContext ctx,
            Actor actor,
            java.util.function.BiConsumer<GenerationRecord, byte[]> inUnit)
            throws IOException {
        MetadataWriter.Format format;
        try {
            format = MetadataWriter.format(file);
        } catch (IllegalArgumentException e) {
            throw new Invalid("file", "file: " + e.getMessage());
        }
        if (!ctx.explicitLabel()) UnlabelledExports.check(ctx, settings.unlabelledProfiles());
        List<String> consentIds = checkConsents(ctx.subjects());
        String id = "gen_" + HexFormat.of().formatHex(bytes(10));
        java.util.OptionalLong number = java.util.OptionalLong.of(repository.allocateNumber(id));
        MarkStep.Request req = new MarkStep.Request(id, ctx.profile(), settings.filingNumber(), number);
        List<String> marks = new ArrayList<>();
        List<MarkStep> applied = new ArrayList<>();
        byte[] out = file;
        try {
            for (MarkStep s : steps) {
                if (s.explicit() && !ctx.explicitLabel()) continue;
                Optional<byte[]> marked = s.apply(out, req);
                if (marked.isPresent()) {
                    out = marked.get();
                    marks.add(s.name());
                    applied.add(s);
                }
            }
            // IPTC DigitalSourceType is carried in XMP (JPEG, PNG, WebP, MP4); GB 45438 Appendix E AIGC in every
            // format.
            boolean xmp = format != MetadataWriter.Format.MP3 && format != MetadataWriter.Format.WAV;
            Aigc aigc = new Aigc("1", settings.producer(), id, "", "", "", "");
            out = MetadataWriter.write(
                    out, xmp ? Optional.of("trainedAlgorithmicMedia") : Optional.empty(), Optional.of(aigc));
            if (xmp) marks.add("iptc-digital-source-type");
            marks.add("gb45438-aigc");
        } catch (IllegalArgumentException e) {
            throw new Invalid("file", "file: " + e.getMessage());
        }
        Optional<String> manifest = Optional.empty();
        Optional<C2paSigner.Signed> signed = GeneratedManifest.sign(signer, out, ctx, applied, req);
        if (signed.isPresent()) {
            out = signed.get().asset();
            manifest = Optional.of(signed.get().manifestLabel());
            marks.add("c2pa");
        }
        String sha = sha256(out);
        OutputHashes.Hashes h = hashes.of(out);
        Optional<PdqResult> pdq = h.pdq();
        List<String> banked = new ArrayList<>(List.of("sha256"));
        if (pdq.isPresent()) banked.add("pdq");
        if (!h.av().vpdq().isEmpty()) banked.add("vpdq");
        if (h.av().audio().isPresent()) banked.add("audio");
        Instant now = clock.instant();
        GenerationRecord rec = new GenerationRecord(
                id,
                ctx.modelId(),
                ctx.modelVersion(),
                sha256(ctx.prompt().getBytes(StandardCharsets.UTF_8)),
                settings.keepPrompts() ? Optional.of(ctx.prompt()) : Optional.empty(),
                ctx.userId(),
                ctx.realNameVerified(),
                ctx.realNameMethod(),
                consentIds,
                format.name(),
                sha,
                pdq.map(p -> p.hash().toHex()),
                banked,
                marks,
                ctx.profile(),
                !ctx.explicitLabel(),
                ctx.dutyAgreed(),
                settings.filingNumber(),
                manifest,
                actor.wireName(),
                now,
                now.plus(settings.retention()));
        byte[] marked = out;
        audit.unitOfWork().run(() -> {
            inUnit.accept(rec, marked);
            banks.ensure(BANK, BankKind.KNOWN_DEEPFAKE);
            banks.add(new BankItem(
                    0,
                    BANK,
                    Optional.of(sha),
                    pdq,
                    Optional.empty(),
                    Optional.empty(),
                    "generation " + id,
                    id,
                    actor.wireName(),
                    now,
                    Optional.empty(),
                    h.av()));
            repository.save(rec);
            audit.append(
                    "generation.recorded",
                    "generation:" + id,
                    AuditLog.details(
                            "model", rec.modelId() + " " + rec.modelVersion(),
                            "user", rec.userId(),
                            "marks", String.join(",", marks),
                            "consents", String.join(",", consentIds),
                            "unlabelled", rec.unlabelled(),
                            "sha256", sha,
                            "actor", actor.wireName()));
            return rec;
        });
        return new Generated(rec, out);
    }

    /** The consent ids, in subject order; refuses the first subject without a valid, unrevoked consent. */
    private List<String> checkConsents(List<GenerationContext.Subject> subjects) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            GenerationContext.Subject s = subjects.get(i);
            String f = "subjects[" + i + "].consentId";
            String who = "person '" + Texts.shown(s.personId()) + "' ("
                    + s.modality().wireName() + ")";
            if (s.consentId().isEmpty())
                throw consent(f, "no consent given for " + who + " (CN Deep Synthesis Provisions art.14)");
            Consent c = repository
                    .consent(s.consentId())
                    .orElseThrow(() -> consent(f, "no consent '" + Texts.shown(s.consentId()) + "' for " + who));
            if (!c.personId().equals(s.personId()) || c.modality() != s.modality())
                throw consent(f, "consent '" + c.id() + "' does not cover " + who);
            if (!c.active()) throw consent(f, "consent '" + c.id() + "' for " + who + " was revoked");
            ids.add(c.id());
        }
        return ids;
    }

    private static Forbidden consent(String field, String message) {
        return new Forbidden(CONSENT_REQUIRED, field + ": " + message);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

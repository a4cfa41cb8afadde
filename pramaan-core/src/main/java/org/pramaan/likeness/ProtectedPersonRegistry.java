package org.pramaan.likeness;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.FaceCrops;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.decode.StillImageDecoder;

/**
 * Enrols and removes protected persons (issue 16). Each reference image must show exactly one face;
 * it is aligned ({@link FaceCrops}), embedded, and then dropped: only the vectors are stored. Voice
 * samples are embedded the same way by {@link VoiceSamples} (one vector per sample); a person has
 * face embeddings, voice embeddings, or both.
 * Enrolment and deletion are audited in the same unit of work, naming the person id, the model and
 * the consent reference, never the images or the vectors.
 */
public final class ProtectedPersonRegistry {
    public static final int MAX_IMAGES = 10;
    public static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;
    public static final long MAX_IMAGE_PIXELS = 40_000_000L;
    public static final int MAX_TEXT = 200;

    /** What the operator sends to enrol someone; the images and voice samples are read once and not kept. */
    public record Enrolment(
            String displayName,
            String reference,
            Consent consent,
            Optional<String> caseId,
            List<byte[]> images,
            List<byte[]> voices) {
        public Enrolment {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(consent, "consent");
            Objects.requireNonNull(caseId, "caseId");
            images = List.copyOf(images);
            voices = List.copyOf(voices);
        }

        /** Reference images only. */
        public Enrolment(
                String displayName, String reference, Consent consent, Optional<String> caseId, List<byte[]> images) {
            this(displayName, reference, consent, caseId, images, List.of());
        }
    }

    private final ProtectedPersons store;
    private final LikenessIndex index;
    private final Optional<FaceDetector> faces;
    private final Optional<FaceEmbedder> embedder;
    private final MediaProber prober;
    private final StillImageDecoder decoder;
    private final AuditLog audit;
    private final Clock clock;
    private final java.util.function.Predicate<String> caseExists;
    private final Optional<VoiceSamples> voices;
    private final SecureRandom random = new SecureRandom();

    public ProtectedPersonRegistry(
            ProtectedPersons store,
            LikenessIndex index,
            Optional<FaceDetector> faces,
            Optional<FaceEmbedder> embedder,
            MediaProber prober,
            StillImageDecoder decoder,
            AuditLog audit,
            Clock clock,
            java.util.function.Predicate<String> caseExists) {
        this(store, index, faces, embedder, prober, decoder, audit, clock, caseExists, Optional.empty());
    }

    /** As above, with a speaker-embedding model for voice samples when one is installed. */
    public ProtectedPersonRegistry(
            ProtectedPersons store,
            LikenessIndex index,
            Optional<FaceDetector> faces,
            Optional<FaceEmbedder> embedder,
            MediaProber prober,
            StillImageDecoder decoder,
            AuditLog audit,
            Clock clock,
            java.util.function.Predicate<String> caseExists,
            Optional<VoiceSamples> voices) {
        this.voices = Objects.requireNonNull(voices, "voices");
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.faces = Objects.requireNonNull(faces, "faces");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.caseExists = Objects.requireNonNull(caseExists, "caseExists");
    }

    /** The installed face-embedding model, when there is one (and a face detector to feed it). */
    public Optional<FaceEmbedder> embedder() {
        return faces.isEmpty() ? Optional.empty() : embedder;
    }

    /**
     * Enrols one person from 0..{@value #MAX_IMAGES} reference images and 0..{@value VoiceSamples#MAX_SAMPLES}
     * voice samples, at least one of either.
     *
     * @throws Invalid naming the field: {@code images[i]} (too large, not an image, no face, several
     *                 faces), {@code voices[i]} (too large, not audio, too long, too short, silent),
     *                 {@code consent.*}, {@code displayName}, {@code reference}, {@code caseId} (no such case)
     * @throws Conflict {@code likeness.unavailable} when the model the samples need is not installed
     */
    public ProtectedPerson enrol(Enrolment e, Actor by) {
        checkText("displayName", e.displayName(), true);
        checkText("reference", e.reference(), false);
        checkText("consent.consentedBy", e.consent().consentedBy(), true);
        checkText("consent.document", e.consent().document(), true);
        if (e.consent().consentedAt().isAfter(clock.instant()))
            throw new Invalid(
                    "consent.consentedAt",
                    "consent cannot be dated in the future: " + e.consent().consentedAt());
        if (e.caseId().isPresent()) {
            checkText("caseId", e.caseId().get(), true);
            // A link to no case would silently never record a match: refused, naming it.
            if (!caseExists.test(e.caseId().get()))
                throw new Invalid("caseId", "no case with id '" + e.caseId().get() + "' to link the person to");
        }
        if (e.images().isEmpty() && e.voices().isEmpty())
            throw new Invalid(
                    "images",
                    "send 1.." + MAX_IMAGES + " reference images, 1.." + VoiceSamples.MAX_SAMPLES
                            + " voice samples, or both; got none");
        if (e.images().size() > MAX_IMAGES)
            throw new Invalid(
                    "images",
                    "send 1.." + MAX_IMAGES + " reference images, got "
                            + e.images().size());
        if (e.voices().size() > VoiceSamples.MAX_SAMPLES)
            throw new Invalid(
                    "voices",
                    "send 1.." + VoiceSamples.MAX_SAMPLES + " voice samples, got "
                            + e.voices().size());
        List<Embedding> embeddings = new ArrayList<>();
        if (!e.images().isEmpty()) {
            FaceEmbedder model = embedder().orElseThrow(() -> unavailable("face-embedding", "reference images"));
            for (int i = 0; i < e.images().size(); i++)
                embeddings.add(embed(model, e.images().get(i), "images[" + i + "]"));
        }
        if (!e.voices().isEmpty()) {
            VoiceSamples v = voices.orElseThrow(() -> unavailable("voice-embedding", "voice samples"));
            for (int i = 0; i < e.voices().size(); i++)
                embeddings.add(v.embed(e.voices().get(i), "voices[" + i + "]"));
        }
        String id = "pp_" + HexFormat.of().formatHex(randomBytes());
        var now = clock.instant();
        ProtectedPerson p =
                new ProtectedPerson(id, e.displayName(), e.reference(), e.consent(), e.caseId(), embeddings, now, now);
        return audit.unitOfWork().run(() -> {
            store.save(p);
            // The audit log is append-only and outlives a deletion, so it names no one: no display name,
            // no consenting party (GDPR Art. 17 erasure must leave nothing of the person behind), only
            // the id, the model and where the signed consent is kept.
            audit.append(
                    "likeness.enrolled",
                    "person:" + id,
                    AuditLog.details(
                            "by", by.wireName(),
                            "model", models(embeddings),
                            "embeddings", embeddings.size(),
                            "voiceEmbeddings", p.count(LikenessModality.VOICE),
                            "consentedAt", e.consent().consentedAt().toString(),
                            "consentDocument", e.consent().document(),
                            "caseId", e.caseId().orElse("")));
            audit.unitOfWork().afterCommit(index::reload);
            return p;
        });
    }

    /** The installed speaker-embedding model, when there is one (and an audio decoder to feed it). */
    public Optional<org.pramaan.detect.VoiceEmbedder> voiceEmbedder() {
        return voices.map(VoiceSamples::model);
    }

    /** The distinct models ("id version") that made {@code embeddings}, for the audit log. */
    private static String models(List<Embedding> embeddings) {
        return String.join(
                ", ",
                embeddings.stream()
                        .map(x -> x.model() + " " + x.modelVersion())
                        .distinct()
                        .toList());
    }

    private static Conflict unavailable(String modality, String what) {
        return new Conflict(
                "likeness.unavailable",
                "no " + modality + " model is installed (a manifest with \"modality\":\"" + modality + "\" in"
                        + " detect.models-dir), so " + what + " cannot be enrolled");
    }

    public List<ProtectedPerson> all() {
        return store.all();
    }

    /** @throws NotFound {@code likeness.not_found} */
    public ProtectedPerson get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Removes the person and every embedding of theirs; audited.
     *
     * @throws NotFound {@code likeness.not_found}
     */
    public void delete(String id, Actor by) {
        audit.unitOfWork().run(() -> {
            if (!store.delete(id)) throw notFound(id);
            audit.append("likeness.deleted", "person:" + id, AuditLog.details("by", by.wireName()));
            audit.unitOfWork().afterCommit(index::reload);
            return null;
        });
    }

    private Embedding embed(FaceEmbedder model, byte[] bytes, String field) {
        if (bytes.length > MAX_IMAGE_BYTES)
            throw new Invalid(field, field + " is " + bytes.length + " bytes; at most " + MAX_IMAGE_BYTES);
        BufferedImage image;
        try (MediaSource src = MediaSource.of(bytes)) {
            MediaInfo info = prober.probe(src, new MediaLimits(MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS));
            if (info.kind() != MediaKind.IMAGE)
                throw new Invalid(field, field + " is " + info.type() + ", not a still image");
            image = decoder.decode(src, info);
        } catch (MediaRejectedException | IOException ex) {
            throw new Invalid(field, field + " cannot be read as an image: " + ex.getMessage());
        }
        List<FaceDetector.Face> found;
        try {
            found = faces.orElseThrow().faces(image);
        } catch (DetectorFailure ex) {
            throw new Conflict("likeness.unavailable", "the face detector failed on " + field + ": " + ex.getMessage());
        }
        if (found.isEmpty())
            throw new Invalid(field, field + " shows no face; a reference image shows the person's face");
        if (found.size() > 1)
            throw new Invalid(
                    field, field + " shows " + found.size() + " faces; a reference image shows one person only");
        try {
            float[] v = model.embed(FaceCrops.align(image, found.get(0), model.cropSide()));
            return new Embedding(
                    LikenessModality.FACE,
                    model.manifest().id(),
                    model.manifest().version(),
                    Vector.of(v));
        } catch (DetectorFailure ex) {
            throw new Conflict(
                    "likeness.unavailable", "the face-embedding model failed on " + field + ": " + ex.getMessage());
        }
    }

    private static void checkText(String field, String value, boolean required) {
        if (required && value.isBlank()) throw new Invalid(field, field + " is required");
        if (value.length() > MAX_TEXT)
            throw new Invalid(field, field + " is " + value.length() + " characters; at most " + MAX_TEXT);
        for (int i = 0; i < value.length(); i++)
            if (Character.isISOControl(value.charAt(i)))
                throw new Invalid(field, field + " holds a control character at " + i);
    }

    private byte[] randomBytes() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    private static NotFound notFound(String id) {
        String shown = id.length() <= 64 ? id : id.substring(0, 64) + "…";
        return new NotFound("likeness.not_found", "no protected person with id '" + shown + "'");
    }
}

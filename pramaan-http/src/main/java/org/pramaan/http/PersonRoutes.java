package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.access.Actor;
import org.pramaan.errors.Invalid;
import org.pramaan.likeness.Consent;
import org.pramaan.likeness.Embedding;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.ProtectedPersonRegistry;
import org.pramaan.likeness.VoiceSamples;

/**
 * The protected-persons (likeness) registry (issue 16), admins only: {@code POST /v1/persons}
 * (multipart: a {@code person} JSON part with the consent record, 0..10 {@code image} parts, one
 * face each, and 0..10 {@code voice} parts, audio files of the person speaking; at least one image or
 * voice), {@code GET /v1/persons}, {@code GET /v1/persons/{id}}, {@code DELETE /v1/persons/{id}}.
 * Answers never carry the embeddings (biometric data), only how many there are and which model made
 * them; the reference images are not stored at all.
 */
final class PersonRoutes {
    private static final Set<String> FIELDS = Set.of("displayName", "reference", "consent", "caseId");
    private static final Set<String> CONSENT = Set.of("consentedBy", "consentedAt", "document");

    private final Optional<ProtectedPersonRegistry> registry;

    PersonRoutes(Optional<ProtectedPersonRegistry> registry) {
        this.registry = registry;
    }

    private ProtectedPersonRegistry registry() {
        return registry.orElseThrow(() -> new ApiException(
                503, "likeness.unavailable", "the protected-persons registry is not wired in this server"));
    }

    void enrol(Context ctx) {
        ProtectedPersonRegistry r = registry();
        if (!ctx.isMultipartFormData())
            throw new Invalid(
                    "person",
                    "send multipart/form-data: a 'person' JSON part and 1.." + ProtectedPersonRegistry.MAX_IMAGES
                            + " 'image' parts, 1.." + VoiceSamples.MAX_SAMPLES + " 'voice' parts, or both");
        String json = ctx.formParam("person");
        if (json == null)
            throw new Invalid("person", "the 'person' part (JSON with displayName and consent) is required");
        if (json.length() > 16 * 1024) throw new Invalid("person", "the 'person' part is at most 16384 characters");
        JsonNode b = Requests.jsonObject(json);
        Requests.onlyFields(b, FIELDS);
        JsonNode c = b.get("consent");
        if (c == null || !c.isObject())
            throw new Invalid("consent", "'consent' is required: {consentedBy, consentedAt, document}");
        Requests.onlyFields(c, CONSENT);
        Instant consentedAt = Requests.instantField(
                        c, "consentedAt", Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"))
                .orElseThrow(() -> new Invalid("consent.consentedAt", "'consent.consentedAt' is required (ISO-8601)"));
        Consent consent = new Consent(
                text(c, "consentedBy", "consent.consentedBy").orElse(""),
                consentedAt,
                text(c, "document", "consent.document").orElse(""));
        List<UploadedFile> files = ctx.uploadedFiles("image");
        List<UploadedFile> voiceFiles = ctx.uploadedFiles("voice");
        if ((files.isEmpty() && voiceFiles.isEmpty()) || files.size() > ProtectedPersonRegistry.MAX_IMAGES)
            throw new Invalid(
                    "images",
                    "send 1.." + ProtectedPersonRegistry.MAX_IMAGES + " 'image' parts, 1.." + VoiceSamples.MAX_SAMPLES
                            + " 'voice' parts, or both; got " + files.size() + " images");
        if (voiceFiles.size() > VoiceSamples.MAX_SAMPLES)
            throw new Invalid(
                    "voices", "send 1.." + VoiceSamples.MAX_SAMPLES + " 'voice' parts, got " + voiceFiles.size());
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++)
            images.add(read(files.get(i), "images[" + i + "]", ProtectedPersonRegistry.MAX_IMAGE_BYTES));
        // Voice samples (issue 16): read as images are, embedded and dropped by the registry.
        List<byte[]> voices = new ArrayList<>();
        for (int i = 0; i < voiceFiles.size(); i++)
            voices.add(read(voiceFiles.get(i), "voices[" + i + "]", VoiceSamples.MAX_BYTES));
        ProtectedPerson p = r.enrol(
                new ProtectedPersonRegistry.Enrolment(
                        text(b, "displayName", "displayName").orElse(""),
                        text(b, "reference", "reference").orElse(""),
                        consent,
                        text(b, "caseId", "caseId"),
                        images,
                        voices),
                Actor.of(HttpApi.principal(ctx)));
        HttpApi.json(ctx, 201, view(p));
    }

    void list(Context ctx) {
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "persons",
                        registry().all().stream().map(PersonRoutes::view).toList()));
    }

    void get(Context ctx) {
        HttpApi.json(ctx, 200, view(registry().get(id(ctx))));
    }

    void delete(Context ctx) {
        registry().delete(id(ctx), Actor.of(HttpApi.principal(ctx)));
        ctx.status(204);
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 64) throw new Invalid("id", "a person id is at most 64 characters");
        return id;
    }

    /** Reads one image or voice part after checking its declared size, so an oversized part is refused unread. */
    private static byte[] read(UploadedFile f, String field, int max) {
        if (f.size() > max) throw new Invalid(field, field + " is " + f.size() + " bytes; at most " + max);
        try (InputStream in = f.content()) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) throw new Invalid(field, field + " is over " + max + " bytes");
            return b;
        } catch (IOException e) {
            throw new Invalid(field, field + " could not be read: " + e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode n, String field, String label) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw new Invalid(label, "'" + label + "' must be a string");
        return Optional.of(v.asText());
    }

    static Map<String, Object> view(ProtectedPerson p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id());
        v.put("displayName", p.displayName());
        v.put("reference", p.reference());
        v.put(
                "consent",
                Map.of(
                        "consentedBy", p.consent().consentedBy(),
                        "consentedAt", p.consent().consentedAt().toString(),
                        "document", p.consent().document()));
        p.caseId().ifPresent(c -> v.put("caseId", c));
        v.put("embeddings", p.embeddings().size());
        // Per modality (issue 16: a person may have face embeddings, voice embeddings, or both).
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LikenessModality m : LikenessModality.values()) counts.put(m.wireName(), p.count(m));
        v.put("modalities", counts);
        Embedding first = p.embeddings().get(0);
        v.put("modality", first.modality().wireName());
        v.put("model", first.model());
        v.put("modelVersion", first.modelVersion());
        v.put("createdAt", p.createdAt().toString());
        v.put("updatedAt", p.updatedAt().toString());
        return v;
    }
}

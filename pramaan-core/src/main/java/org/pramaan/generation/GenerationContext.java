package org.pramaan.generation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pramaan.errors.Invalid;

/**
 * The client's description of one generation, from its JSON context. Every field is checked here,
 * lengths before anything else, so the use case sees only valid values.
 *
 * @param prompt       the prompt (digested; stored only when configured)
 * @param profile      labelling profile, a jurisdiction code such as {@code CN}
 * @param explicitLabel false asks for an export without the visible label (Labeling Measures art.9)
 * @param dutyAgreed   the user's explicit agreement to their labelling duty
 * @param subjects     every real person whose face or voice was edited, with the consent that covers it
 */
public record GenerationContext(
        String modelId,
        String modelVersion,
        String prompt,
        String userId,
        boolean realNameVerified,
        String realNameMethod,
        String profile,
        boolean explicitLabel,
        boolean dutyAgreed,
        List<Subject> subjects) {
    static final int MAX_PROMPT = 32_768;
    static final int MAX_SUBJECTS = 32;

    public GenerationContext {
        subjects = List.copyOf(subjects);
    }

    /** A real person in the output, and the consent id the client says covers them. */
    public record Subject(String personId, Modality modality, String consentId) {}

    /** Reads a context; a field that is missing, of the wrong type or out of range is refused as {@link Invalid} naming it. */
    public static GenerationContext fromJson(JsonNode n) {
        if (n == null || !n.isObject()) throw new Invalid("context", "context must be a JSON object");
        JsonNode rn = n.path("realName");
        if (!rn.isMissingNode() && !rn.isObject())
            throw new Invalid("realName", "realName must be an object {verified, method}");
        boolean verified = bool(rn, "verified", "realName.verified", false);
        String method = Texts.optional("realName.method", text(rn, "method", "realName.method"), Texts.MAX_ID);
        if (verified && method.isEmpty())
            throw new Invalid("realName.method", "realName.method is required when realName.verified is true");
        String profile =
                Texts.required("profile", text(n, "profile", "profile"), 8).toUpperCase(Locale.ROOT);
        if (!org.pramaan.limits.PlainText.isUpperLetters(profile, profile.length()))
            throw new Invalid("profile", "profile must be a jurisdiction code such as CN, IN or EU");
        JsonNode subs = n.path("subjects");
        if (!subs.isMissingNode() && !subs.isArray())
            throw new Invalid("subjects", "subjects must be an array of {personId, modality, consentId}");
        if (subs.size() > MAX_SUBJECTS)
            throw new Invalid("subjects", "at most " + MAX_SUBJECTS + " subjects, got " + subs.size());
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            JsonNode s = subs.get(i);
            String f = "subjects[" + i + "]";
            if (!s.isObject()) throw new Invalid(f, f + " must be an object {personId, modality, consentId}");
            subjects.add(new Subject(
                    Texts.required(f + ".personId", text(s, "personId", f + ".personId"), Texts.MAX_ID),
                    Modality.parse(
                            f + ".modality", Texts.required(f + ".modality", text(s, "modality", f + ".modality"), 8)),
                    Texts.optional(f + ".consentId", text(s, "consentId", f + ".consentId"), Texts.MAX_ID)));
        }
        String prompt = text(n, "prompt", "prompt");
        if (prompt.length() > MAX_PROMPT)
            throw new Invalid(
                    "prompt", "prompt is longer than " + MAX_PROMPT + " characters (" + prompt.length() + ")");
        return new GenerationContext(
                Texts.required("modelId", text(n, "modelId", "modelId"), Texts.MAX_ID),
                Texts.required("modelVersion", text(n, "modelVersion", "modelVersion"), Texts.MAX_ID),
                prompt,
                Texts.required("userId", text(n, "userId", "userId"), Texts.MAX_ID),
                verified,
                method,
                profile,
                bool(n, "explicitLabel", "explicitLabel", true),
                bool(n, "labellingDutyAgreed", "labellingDutyAgreed", false),
                subjects);
    }

    /** A string field; absent is empty; any other JSON type is refused, never coerced. */
    private static String text(JsonNode n, String key, String field) {
        JsonNode v = n.path(key);
        if (v.isMissingNode() || v.isNull()) return "";
        if (!v.isTextual()) throw new Invalid(field, field + " must be a string");
        return v.textValue();
    }

    private static boolean bool(JsonNode n, String key, String field, boolean absent) {
        JsonNode v = n.path(key);
        if (v.isMissingNode() || v.isNull()) return absent;
        if (!v.isBoolean()) throw new Invalid(field, field + " must be true or false");
        return v.booleanValue();
    }
}

package org.pramaan.generation;

import java.util.Set;
import java.util.TreeSet;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.labels.LabelProfile;
import org.pramaan.labels.LabelProfiles;

/**
 * Whether a user may have an output without the explicit label. CN Labeling Measures art.9: only on
 * the user's request, where the rules allow it, after the user agreed to their labelling duty; the
 * implicit labels stay and the request is logged (the record, kept at least six months). Which
 * profiles allow it is the label profile's {@code unlabelledExport} rule (IN: no, IT Rules r.3(3)(b)),
 * unless the operator configured a list.
 */
final class UnlabelledExports {
    private UnlabelledExports() {}

    /**
     * Refuses an unlabelled export the profile does not allow ({@link Forbidden}
     * {@code generation.unlabelled_not_allowed}) or one without the user's agreement ({@link Invalid}
     * naming {@code labellingDutyAgreed}).
     */
    static void check(GenerationContext ctx, Set<String> configured) {
        String p = ctx.profile();
        boolean allowed;
        String why;
        if (configured.isEmpty()) {
            LabelProfile profile;
            try {
                profile = LabelProfiles.bundled(p);
            } catch (IllegalArgumentException e) {
                throw new Invalid("profile", "profile: " + e.getMessage());
            }
            allowed = profile.unlabelledExport().value();
            why = profile.unlabelledExport().source();
        } else {
            allowed = configured.contains(p);
            why = "generation.unlabelled-profiles allows " + new TreeSet<>(configured);
        }
        if (!allowed)
            throw new Forbidden(
                    "generation.unlabelled_not_allowed",
                    "explicitLabel=false is not allowed for profile " + p + ": " + why);
        if (!ctx.dutyAgreed())
            throw new Invalid(
                    "labellingDutyAgreed",
                    "labellingDutyAgreed must be true for an export without the explicit label (CN Labeling Measures art.9)");
    }
}

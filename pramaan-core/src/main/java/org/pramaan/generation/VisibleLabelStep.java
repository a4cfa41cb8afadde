package org.pramaan.generation;

import java.io.IOException;
import java.util.Optional;
import org.pramaan.errors.Invalid;
import org.pramaan.labels.LabelProfile;
import org.pramaan.labels.LabelProfiles;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.labels.VisibleLabels;

/**
 * The explicit label of the generation's profile ({@link VisibleLabels}, profiles in
 * {@code labels/profiles/<J>.json}) as a mark step: drawn on JPEG and PNG, the rhythm prompt in 16-bit
 * WAV, with the filing number where the profile shows it (CN DSP arts.19-20). Other formats (MP4 needs
 * the FFmpeg label writer, MP3 has none yet) pass unmarked, and the record does not claim the label.
 */
public final class VisibleLabelStep implements MarkStep {
    @Override
    public String name() {
        return "visible-label";
    }

    @Override
    public boolean explicit() {
        return true;
    }

    @Override
    public Optional<byte[]> apply(byte[] file, Request request) throws IOException {
        MetadataWriter.Format f = MetadataWriter.format(file);
        if (f != MetadataWriter.Format.JPEG && f != MetadataWriter.Format.PNG && f != MetadataWriter.Format.WAV)
            return Optional.empty();
        LabelProfile profile;
        try {
            profile = LabelProfiles.bundled(request.profile());
        } catch (IllegalArgumentException e) {
            throw new Invalid("profile", "profile: " + e.getMessage());
        }
        VisibleLabels.Request r = new VisibleLabels.Request(
                profile, Optional.empty(), Optional.empty(), Optional.empty(), request.filingNumber());
        // The input is not signed yet (C2PA comes last), so no signer is needed here.
        return Optional.of(VisibleLabels.apply(file, r, Optional.empty()).bytes());
    }
}

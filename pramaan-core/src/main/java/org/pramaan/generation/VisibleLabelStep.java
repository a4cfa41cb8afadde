package org.pramaan.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.errors.Invalid;
import org.pramaan.labels.AudioLabelWriter;
import org.pramaan.labels.LabelProfile;
import org.pramaan.labels.LabelProfiles;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.labels.VisibleLabels;

/**
 * The explicit label of the generation's profile ({@link VisibleLabels}, profiles in
 * {@code labels/profiles/<J>.json}) as a mark step: drawn on JPEG and PNG, the rhythm prompt in 16-bit
 * WAV, and in MP3 and audio-only MP4/M4A through the {@link AudioLabelWriter} when the composition root
 * has one (GB 45438-2025 §4: audio carries the prompt like any other modality), with the filing number
 * where the profile shows it (CN DSP arts.19-20). Other formats (video MP4 needs the FFmpeg label
 * writer) pass unmarked, and the record does not claim the label.
 */
public final class VisibleLabelStep implements MarkStep {
    private final Optional<AudioLabelWriter> audio;
    private final Path workDir;

    /** Images, WAV and text only: compressed audio passes unmarked. */
    public VisibleLabelStep() {
        this(Optional.empty(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param audio   the MP3/M4A prompt writer (it reads and writes files)
     * @param workDir where the input and labelled copies live while the writer runs; both are removed
     */
    public VisibleLabelStep(Optional<AudioLabelWriter> audio, Path workDir) {
        this.audio = Objects.requireNonNull(audio, "audio");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

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
        boolean compressedAudio = f == MetadataWriter.Format.MP3 || f == MetadataWriter.Format.MP4;
        if (f != MetadataWriter.Format.JPEG
                && f != MetadataWriter.Format.PNG
                && f != MetadataWriter.Format.WAV
                && !(compressedAudio && audio.isPresent())) return Optional.empty();
        LabelProfile profile;
        try {
            profile = LabelProfiles.bundled(request.profile());
        } catch (IllegalArgumentException e) {
            throw new Invalid("profile", "profile: " + e.getMessage());
        }
        if (compressedAudio) return compressed(file, profile, audio.orElseThrow());
        VisibleLabels.Request r = new VisibleLabels.Request(
                profile, Optional.empty(), Optional.empty(), Optional.empty(), request.filingNumber());
        // The input is not signed yet (C2PA comes last), so no signer is needed here.
        return Optional.of(VisibleLabels.apply(file, r, Optional.empty()).bytes());
    }

    /** MP3, or an MP4 with no video track (probed, not guessed from the brand); a video MP4 passes unmarked. */
    private Optional<byte[]> compressed(byte[] file, LabelProfile profile, AudioLabelWriter w) throws IOException {
        Files.createDirectories(workDir);
        Path in = Files.createTempFile(workDir, "pramaan-gen-", ".in");
        Path out = Files.createTempFile(workDir, "pramaan-gen-", ".out");
        try {
            Files.write(in, file);
            if (!AudioLabelWriter.accepts(in)) return Optional.empty();
            w.label(in, out, profile);
            return Optional.of(Files.readAllBytes(out));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}

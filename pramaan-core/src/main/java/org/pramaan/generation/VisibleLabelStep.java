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
import org.pramaan.labels.VideoLabelWriter;
import org.pramaan.labels.VisibleLabels;
import org.pramaan.labels.WebpEncoder;
import org.pramaan.provenance.c2pa.ManifestRequest;

/**
 * The explicit label of the generation's profile ({@link VisibleLabels}, profiles in
 * {@code labels/profiles/<J>.json}) as a mark step: drawn on JPEG and PNG, and on WebP when the
 * composition root has a {@link WebpEncoder} (WebP back, lossless kept lossless); the rhythm prompt in
 * 16-bit WAV, and in MP3 and audio-only MP4/M4A through the {@link AudioLabelWriter} when there is one
 * (GB 45438-2025 §4: audio carries the prompt like any other modality); burned into a video MP4 by the
 * {@link VideoLabelWriter} when there is one, for the profile's duration (GB 45438-2025 §4: at least the
 * first 2 s; IN: throughout), with the filing number where the profile shows it (CN DSP arts.19-20).
 * Formats without their writer pass unmarked, and the record does not claim the label.
 */
public final class VisibleLabelStep implements MarkStep {
    private final Optional<AudioLabelWriter> audio;
    private final Optional<VideoLabelWriter> video;
    private final Optional<WebpEncoder> webp;
    private final Path workDir;

    /** Images, WAV and text only: compressed audio, video and WebP pass unmarked. */
    public VisibleLabelStep() {
        this(Optional.empty(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param audio   the MP3/M4A prompt writer (it reads and writes files)
     * @param workDir where the input and labelled copies live while the writer runs; both are removed
     */
    public VisibleLabelStep(Optional<AudioLabelWriter> audio, Path workDir) {
        this(audio, Optional.empty(), Optional.empty(), workDir);
    }

    /**
     * @param video the video label writer (ffmpeg with libx264), for MP4 outputs with a video track
     * @param webp  the WebP encoder (ffmpeg with libwebp), for WebP outputs
     */
    public VisibleLabelStep(
            Optional<AudioLabelWriter> audio,
            Optional<VideoLabelWriter> video,
            Optional<WebpEncoder> webp,
            Path workDir) {
        this.audio = Objects.requireNonNull(audio, "audio");
        this.video = Objects.requireNonNull(video, "video");
        this.webp = Objects.requireNonNull(webp, "webp");
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

    /**
     * {@code c2pa.edited} (C2PA 2.2 §18.14.4: editorial changes to the content, which a drawn or burned-in
     * label and an inserted audio prompt are) by {@value VisibleLabels#AGENT}, as when an already-signed
     * file is labelled, with a description naming the label and its profile.
     */
    @Override
    public Optional<ManifestRequest.Step> c2paAction(Request request) {
        LabelProfile p = LabelProfiles.bundled(request.profile());
        String text = p.imageText(p.defaultLanguage()).orElse("");
        return Optional.of(new ManifestRequest.Step(
                "c2pa.edited",
                VisibleLabels.AGENT,
                Optional.of("explicit AI label '" + text + "' of label profile " + p.jurisdiction() + " (" + p.title()
                        + ")")));
    }

    @Override
    public Optional<byte[]> apply(byte[] file, Request request) throws IOException {
        MetadataWriter.Format f = MetadataWriter.format(file);
        boolean compressed = f == MetadataWriter.Format.MP3 || f == MetadataWriter.Format.MP4;
        boolean drawn = f == MetadataWriter.Format.JPEG
                || f == MetadataWriter.Format.PNG
                || f == MetadataWriter.Format.WAV
                || (f == MetadataWriter.Format.WEBP && webp.isPresent());
        if (!drawn && !(compressed && (audio.isPresent() || video.isPresent()))) return Optional.empty();
        LabelProfile profile;
        try {
            profile = LabelProfiles.bundled(request.profile());
        } catch (IllegalArgumentException e) {
            throw new Invalid("profile", "profile: " + e.getMessage());
        }
        VisibleLabels.Request r = new VisibleLabels.Request(
                profile, Optional.empty(), Optional.empty(), Optional.empty(), request.filingNumber());
        if (compressed) return compressed(file, f, r);
        // The input is not signed yet (C2PA comes last), so no signer is needed here.
        return Optional.of(VisibleLabels.apply(file, r, Optional::empty, webp).bytes());
    }

    /**
     * MP3, or an MP4 with no video track (probed, not guessed from the brand), through the audio writer;
     * an MP4 with video through the video writer. Without the writer it needs, the file passes unmarked.
     */
    private Optional<byte[]> compressed(byte[] file, MetadataWriter.Format f, VisibleLabels.Request r)
            throws IOException {
        Files.createDirectories(workDir);
        Path in = Files.createTempFile(workDir, "pramaan-gen-", ".in");
        Path out = Files.createTempFile(workDir, "pramaan-gen-", ".out");
        try {
            Files.write(in, file);
            if (AudioLabelWriter.accepts(in)) {
                if (audio.isEmpty()) return Optional.empty();
                audio.get().label(in, out, r.profile());
            } else {
                if (f != MetadataWriter.Format.MP4 || video.isEmpty()) return Optional.empty();
                video.get().label(in, out, r, Optional.empty());
            }
            return Optional.of(Files.readAllBytes(out));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}

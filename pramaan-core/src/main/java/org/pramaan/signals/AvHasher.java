package org.pramaan.signals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AudioFingerprinter;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.hash.VpdqHasher;
import org.pramaan.hash.VpdqSampling;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.AudioClip;
import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoDecoder;

/**
 * vPDQ frames for videos and an audio fingerprint for audio and for a video's sound track, through
 * the decoder ports (the app plugs in FFmpeg; core never sees it). A failure is noted, never
 * thrown: the file keeps its exact hashes and is stored, so a removed copy is still blocked by its
 * bytes even when its frames cannot be read (IT Rules r.4(4)).
 *
 * As an extractor it leaves {@link SignalInput#AV_HASHES} for bank matching and the report, and adds
 * no signal of its own (the hashes are evidence to match, not evidence of origin).
 *
 * @see AvHashes#errors() the notes' form, {@code vpdq: <code>: <message>} or {@code audio: …}
 */
public final class AvHasher implements SignalExtractor {
    /** Sample rate the fingerprinter works at; decoding straight to it skips one resampling. */
    private static final int AUDIO_RATE = 11_025;

    /**
     * How video and audio are hashed at intake.
     *
     * @param sampling which frames are hashed (default 1 per second, as pytx)
     * @param limits   decode limits: longest duration, most frames, largest frame
     */
    public record Settings(VpdqSampling sampling, DecodeLimits limits) {
        public static final Settings DEFAULT = new Settings(VpdqSampling.ONE_PER_SECOND, DecodeLimits.DEFAULT);

        public Settings {
            java.util.Objects.requireNonNull(sampling, "sampling");
            java.util.Objects.requireNonNull(limits, "limits");
        }
    }

    private final Optional<VpdqHasher> video;
    private final Optional<AudioDecoder> audio;
    private final Settings settings;
    private final AudioFingerprinter fingerprinter = new AudioFingerprinter();

    public AvHasher(Optional<VideoDecoder> video, Optional<AudioDecoder> audio, Settings settings) {
        this.video = video.map(d -> new VpdqHasher(d, new PdqHasher()));
        this.audio = java.util.Objects.requireNonNull(audio, "audio");
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    /** No decoders: images only, no vPDQ or audio hashes (and no notes about them). */
    public static AvHasher none() {
        return new AvHasher(Optional.empty(), Optional.empty(), Settings.DEFAULT);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public List<Signal> extract(SignalInput input) throws IOException {
        input.put(SignalInput.AV_HASHES, hash(input.source(), input.info()));
        return List.of();
    }

    public AvHashes hash(MediaSource source, MediaInfo info) throws IOException {
        if (info.kind() == MediaKind.IMAGE || (video.isEmpty() && audio.isEmpty())) return AvHashes.NONE;
        Optional<Path> file = source.file();
        Path temp = null;
        if (file.isEmpty()) {
            temp = Files.createTempFile("pramaan-av", ".media");
            Files.write(temp, source.readAll());
        }
        try {
            return hash(file.orElse(temp), info.kind());
        } finally {
            if (temp != null) Files.deleteIfExists(temp);
        }
    }

    private AvHashes hash(Path file, MediaKind kind) {
        List<String> errors = new ArrayList<>();
        List<VpdqFrame> frames = List.of();
        if (kind == MediaKind.VIDEO && video.isPresent()) {
            try {
                frames = video.get()
                        .hash(file, settings.sampling(), settings.limits())
                        .frames();
                if (frames.isEmpty()) errors.add("vpdq: media.corrupt: no video frame could be decoded");
            } catch (MediaRejectedException e) {
                errors.add("vpdq: " + e.code().code() + ": " + withoutPath(e.getMessage(), file));
            }
        }
        return new AvHashes(frames, fingerprint(file, kind, errors), errors);
    }

    private Optional<AudioFingerprint> fingerprint(Path file, MediaKind kind, List<String> errors) {
        if (audio.isEmpty()) return Optional.empty();
        try {
            AudioClip clip = audio.get().decodeMono(file, AUDIO_RATE, settings.limits());
            return Optional.of(fingerprinter.fingerprint(clip.samples(), clip.sampleRate()));
        } catch (MediaRejectedException e) {
            // A silent video (no audio stream) is normal, not a problem worth a note.
            if (!(kind == MediaKind.VIDEO && e.code() == RejectionCode.NO_STREAM))
                errors.add("audio: " + e.code().code() + ": " + withoutPath(e.getMessage(), file));
        } catch (IllegalArgumentException e) {
            // Too short (under ~2.7 s), zero samples, or too long for a fingerprint.
            if (kind == MediaKind.AUDIO) errors.add("audio: audio.unusable: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Decoders name the file; here it is a server-side spool file, meaningless to the uploader and not theirs to see. */
    private static String withoutPath(String message, Path file) {
        return message.replace(file + ": ", "").replace(file.toString(), "the file");
    }
}

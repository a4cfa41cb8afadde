package org.pramaan.app;

import java.io.IOException;
import java.util.Optional;
import org.pramaan.adapters.Adapters;
import org.pramaan.adapters.AdaptersProvider;
import org.pramaan.adapters.Decoders;
import org.pramaan.adapters.StoreSettings;
import org.pramaan.store.sqlite.EmbeddedStore;

/**
 * {@code store=embedded} (the default): SQLite and local blobs under the data directory, with the
 * FFmpeg decoders. It lives in the app because it joins two modules (store-sqlite and
 * media-ffmpeg); a scaled provider ships in its own jar with its own services entry.
 */
public final class EmbeddedAdaptersProvider implements AdaptersProvider {
    public static final String NAME = "embedded";

    /** For {@link java.util.ServiceLoader}. */
    public EmbeddedAdaptersProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Adapters open(StoreSettings settings) throws IOException {
        return EmbeddedStore.open(settings.dataDir(), decoders());
    }

    @Override
    public boolean exists(StoreSettings settings) {
        return EmbeddedStore.exists(settings.dataDir());
    }

    /** The FFmpeg module behind core's decoder ports. */
    static Decoders decoders() {
        return new Decoders(
                Optional.of(org.pramaan.ffmpeg.FfmpegMedia.videoDecoder()),
                Optional.of(org.pramaan.ffmpeg.FfmpegMedia.audioDecoder()));
    }

    /** The FFmpeg module's video label writer (the system ffmpeg with libx264); empty when that is not installed. */
    static Optional<org.pramaan.labels.VideoLabelWriter> videoLabels() {
        org.pramaan.ffmpeg.FfmpegVideoLabeller l = new org.pramaan.ffmpeg.FfmpegVideoLabeller();
        return l.available() ? Optional.of(l) : Optional.empty();
    }

    /** The FFmpeg module's video watermark writer (the system ffmpeg with libx264); empty when that is not installed. */
    static Optional<org.pramaan.watermark.VideoWatermarkWriter> videoWatermark() {
        org.pramaan.ffmpeg.FfmpegVideoWatermarker w = new org.pramaan.ffmpeg.FfmpegVideoWatermarker();
        return w.available() ? Optional.of(w) : Optional.empty();
    }

    /** The FFmpeg module's MP3/M4A prompt writer (the system ffmpeg with libmp3lame and aac); empty when absent. */
    static Optional<org.pramaan.labels.AudioLabelWriter> audioLabels(
            java.util.Map<String, org.pramaan.labels.SpokenPrompt> spoken) {
        org.pramaan.ffmpeg.FfmpegAudioLabeller l =
                new org.pramaan.ffmpeg.FfmpegAudioLabeller("ffmpeg", "ffprobe", 3600, spoken);
        return l.available() ? Optional.of(l) : Optional.empty();
    }

    /** The FFmpeg module's WebP encoder (the system ffmpeg with libwebp); empty when that is not installed. */
    static Optional<org.pramaan.labels.WebpEncoder> webpEncoder() {
        org.pramaan.ffmpeg.FfmpegWebpEncoder e = new org.pramaan.ffmpeg.FfmpegWebpEncoder();
        return e.available() ? Optional.of(e) : Optional.empty();
    }
}

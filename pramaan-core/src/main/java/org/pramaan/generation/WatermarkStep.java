package org.pramaan.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.labels.PixelEdit;
import org.pramaan.labels.WebpEncoder;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.provenance.c2pa.ManifestRequest;
import org.pramaan.watermark.KeyedDetection;
import org.pramaan.watermark.KeyedWatermark;
import org.pramaan.watermark.RgbPixels;
import org.pramaan.watermark.VideoWatermarkReader;
import org.pramaan.watermark.VideoWatermarkWriter;

/**
 * Our keyed watermark (issue 14 item 2, {@link KeyedWatermark}) as a generation step, applied to
 * JPEG and PNG (and WebP when a {@link WebpEncoder} is given, claimed only when it reads back) after the visible label (so the label's pixels carry the mark too) and before the
 * metadata labels and C2PA, with the payload {@link WatermarkPayload} (operator id, record number).
 * It is also the lookup's decoder: a mark under our key with our operator id gives the record number.
 *
 * <p>Nothing is claimed that would not be read back: an image whose shorter side is under
 * {@value #MIN_SIDE} px (the bench's misses: too few pixels per chip after JPEG q50 or a 0.5× resize,
 * docs/watermark.md) or a record number that does not fit the payload is left unmarked, and the record
 * does not list {@code watermark}; lookup then falls through to the metadata and the bank.
 *
 * <p>Video (MP4 with a video track, when the composition root has the FFmpeg writer): every frame
 * carries the same payload ({@link VideoWatermarkWriter}), and the lookup reads the sampled frames
 * combined ({@link VideoWatermarkReader}), with the same 10⁻⁶ false-positive bound per video. The
 * same minimum side applies to the frames.
 */
public final class WatermarkStep implements MarkStep, MarkStep.Decoder {
    /** Shorter side, in pixels, from which the mark is applied (and claimed). */
    public static final int MIN_SIDE = 256;

    /** The C2PA action that records the mark (see {@link #c2paAction}). */
    public static final String ACTION = "c2pa.watermarked.unbound";

    /**
     * The video side.
     *
     * @param writer  marks every frame and re-encodes (the FFmpeg module)
     * @param reader  samples and combines frames for the lookup
     * @param workDir where the input and marked copies live while ffmpeg runs; both are removed
     */
    public record Video(VideoWatermarkWriter writer, VideoWatermarkReader reader, Path workDir) {
        public Video {
            Objects.requireNonNull(writer, "writer");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(workDir, "workDir");
        }
    }

    private final KeyedWatermark mark;
    private final int operator;
    private final Optional<WebpEncoder> webp;
    private final Optional<Video> video;

    public WatermarkStep(KeyedWatermark mark, int operator) {
        this(mark, operator, Optional.empty());
    }

    /** @param webp the WebP encoder (ffmpeg with libwebp): WebP outputs are marked too when it is given */
    public WatermarkStep(KeyedWatermark mark, int operator, Optional<WebpEncoder> webp) {
        this(mark, operator, webp, Optional.empty());
    }

    /**
     * @param webp  the WebP encoder (ffmpeg with libwebp): WebP outputs are marked too when it is given
     * @param video the MP4 side; empty: video passes unmarked (and is not claimed)
     */
    public WatermarkStep(KeyedWatermark mark, int operator, Optional<WebpEncoder> webp, Optional<Video> video) {
        this.mark = Objects.requireNonNull(mark, "mark");
        WatermarkPayload.checkOperator(operator);
        this.operator = operator;
        this.webp = Objects.requireNonNull(webp, "webp");
        this.video = Objects.requireNonNull(video, "video");
    }

    @Override
    public String name() {
        return "watermark";
    }

    @Override
    public boolean explicit() {
        return false;
    }

    /**
     * {@code c2pa.watermarked.unbound}: C2PA 2.3 split {@code c2pa.watermarked} into {@code .bound} (the mark
     * is a soft binding to this manifest, declared by a {@code c2pa.soft-binding} assertion; validators that
     * follow 2.3 report {@code assertion.action.softBindingMissing} without one, c2pa-rs 0.90.1 does not yet) and
     * {@code .unbound} (any other invisible watermark), and 2.4 deprecates the plain name. Ours carries an operator id and record number, not a registered soft-binding algorithm's
     * value, and the manifest has no soft-binding assertion: unbound.
     */
    @Override
    public Optional<ManifestRequest.Step> c2paAction(Request request) {
        return Optional.of(new ManifestRequest.Step(
                ACTION,
                "Pramaan keyed watermark",
                Optional.of(
                        "imperceptible keyed watermark carrying the operator id and the generation record number")));
    }

    @Override
    public Optional<byte[]> apply(byte[] file, Request request) throws IOException {
        MetadataWriter.Format f = MetadataWriter.format(file);
        boolean mp4 = f == MetadataWriter.Format.MP4 && video.isPresent();
        boolean isWebp = f == MetadataWriter.Format.WEBP && webp.isPresent();
        if (f != MetadataWriter.Format.JPEG && f != MetadataWriter.Format.PNG && !mp4 && !isWebp)
            return Optional.empty();
        OptionalInt payload = request.number().isPresent()
                ? WatermarkPayload.of(operator, request.number().getAsLong())
                : OptionalInt.empty();
        if (payload.isEmpty()) return Optional.empty();
        if (mp4) return video(file, payload.getAsInt(), video.get());
        Optional<byte[]> marked = PixelEdit.apply(
                file,
                (w, h, argb) -> {
                    if (Math.min(w, h) < MIN_SIDE) return Optional.empty();
                    return Optional.of(mark.embed(new RgbPixels(w, h, argb), payload.getAsInt())
                            .rgb());
                },
                webp);
        // WebP goes through an external encoder whose loss the bench has not measured: the mark is
        // claimed only when it reads back from the encoded bytes (else the record does not list it).
        if (isWebp
                && marked.isPresent()
                && decode(marked.get()).orElse(0) != request.number().getAsLong()) return Optional.empty();
        return marked;
    }

    /** Every frame marked through the writer; empty for an audio-only MP4 or frames under {@value #MIN_SIDE} px. */
    private Optional<byte[]> video(byte[] file, int payload, Video v) throws IOException {
        Files.createDirectories(v.workDir());
        Path in = Files.createTempFile(v.workDir(), "pramaan-wm-", ".mp4");
        Path out = Files.createTempFile(v.workDir(), "pramaan-wm-", ".out.mp4");
        try {
            Files.write(in, file);
            if (v.writer().mark(in, out, mark, payload, MIN_SIDE).isEmpty()) return Optional.empty();
            return Optional.of(Files.readAllBytes(out));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    @Override
    public OptionalLong decode(byte[] file) throws IOException {
        if (video.isPresent() && isMp4(file)) return ours(decodeVideo(file, video.get()));
        RgbPixels pixels;
        try {
            PixelEdit.Pixels p = PixelEdit.read(file);
            pixels = new RgbPixels(p.width(), p.height(), p.argb());
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty(); // not a JPEG or PNG we can read: the other lookups may still find it
        }
        if (Math.min(pixels.width(), pixels.height()) < KeyedWatermark.MIN_SIDE) return OptionalLong.empty();
        return ours(mark.detect(pixels));
    }

    private static boolean isMp4(byte[] file) {
        try {
            return MetadataWriter.format(file) == MetadataWriter.Format.MP4;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The sampled frames' combined detection; none for a file without decodable video (the other lookups decide). */
    private Optional<KeyedDetection> decodeVideo(byte[] file, Video v) throws IOException {
        Files.createDirectories(v.workDir());
        Path in = Files.createTempFile(v.workDir(), "pramaan-wm-", ".mp4");
        try {
            Files.write(in, file);
            return Optional.of(mark.detect(v.reader().read(in)));
        } catch (MediaRejectedException e) {
            return Optional.empty();
        } finally {
            Files.deleteIfExists(in);
        }
    }

    private OptionalLong ours(KeyedDetection d) {
        return ours(Optional.of(d));
    }

    /** The record number of a detected mark with our operator id. */
    private OptionalLong ours(Optional<KeyedDetection> found) {
        if (found.isEmpty()) return OptionalLong.empty();
        KeyedDetection d = found.get();
        if (!d.detected() || d.payload().isEmpty()) return OptionalLong.empty();
        long p = d.payload().getAsLong();
        if (WatermarkPayload.operator(p) != operator) return OptionalLong.empty();
        long n = WatermarkPayload.number(p);
        return n == 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }
}

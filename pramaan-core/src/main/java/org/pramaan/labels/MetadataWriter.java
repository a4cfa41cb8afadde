package org.pramaan.labels;

import java.io.IOException;
import java.util.Optional;
import org.pramaan.media.container.Bytes;
import org.pramaan.provenance.Aigc;
import org.pramaan.provenance.BmffLabelWriter;
import org.pramaan.provenance.DigitalSourceTypes;
import org.pramaan.provenance.Id3LabelWriter;
import org.pramaan.provenance.JpegPngLabelWriter;
import org.pramaan.provenance.RiffLabelWriter;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalType;

/**
 * Writes implicit labels into a file's metadata, copying everything else byte for byte (pixels and
 * samples are never re-encoded; other metadata stays). Writing again replaces the label instead of
 * adding a second one. Carriers, following TC260 practice for GB 45438-2025 Appendix E:
 * <ul>
 *   <li>JPEG, PNG: XMP ({@code Iptc4xmpExt:DigitalSourceType}, {@code TC260:AIGC}).</li>
 *   <li>MP4/MOV/M4A: XMP in the top-level {@code uuid} box BE7ACFCB-97A9-42E8-9C71-999491E3AFAC,
 *       appended after the last box so no chunk offset moves.</li>
 *   <li>MP3: ID3v2 {@code TXXX} with description {@code AIGC}.</li>
 *   <li>WAV: a RIFF chunk {@code AIGC}.</li>
 *   <li>WebP: XMP in an {@code XMP } chunk, the file converted to the extended format (VP8X) first.</li>
 * </ul>
 */
public final class MetadataWriter {
    /** The formats a label can be written to. */
    public enum Format {
        JPEG,
        PNG,
        MP4,
        MP3,
        WAV,
        WEBP
    }

    private MetadataWriter() {}

    /**
     * Returns {@code file} with the labels written into its metadata.
     *
     * @param digitalSourceType a NewsCodes short name or URI (see {@link DigitalSourceTypes#uri}), or empty
     * @param aigc              the GB 45438 label, or empty
     * @throws IllegalArgumentException for a file that is not one of {@link Format}, a truncated one,
     *                                  or a label the format cannot carry
     */
    public static byte[] write(byte[] file, Optional<String> digitalSourceType, Optional<Aigc> aigc)
            throws IOException {
        if (digitalSourceType.isEmpty() && aigc.isEmpty())
            throw new IllegalArgumentException("nothing to write: give a digital source type and/or an AIGC label");
        Optional<String> dst = digitalSourceType.map(DigitalSourceTypes::uri);
        Optional<String> json = aigc.map(Aigc::toJson);
        Format f = format(file);
        byte[] labelled = switch (f) {
            case JPEG -> JpegPngLabelWriter.jpeg(file, dst, json);
            case PNG -> JpegPngLabelWriter.png(file, dst, json);
            case MP4 -> BmffLabelWriter.write(file, dst, json);
            case WEBP -> org.pramaan.provenance.WebpLabelWriter.write(file, dst, json);
            case MP3, WAV -> {
                if (dst.isPresent())
                    throw new IllegalArgumentException(
                            "a digital source type is written to JPEG, PNG, WebP and MP4 XMP only, not to " + f);
                yield f == Format.MP3
                        ? Id3LabelWriter.write(file, json.get())
                        : RiffLabelWriter.write(file, json.get());
            }
        };
        // After the carrier writer's own structure checks (their messages name the carrier), before
        // the caller stores anything.
        readable(file);
        return labelled;
    }

    /**
     * A distribution platform's step (Labeling Measures art.6; requirements.md behaviour 11): sets
     * {@code ContentPropagator}, {@code PropagateID} and {@code ReservedCode2} and keeps the producer's
     * {@code Label}, {@code ContentProducer}, {@code ProduceID} and {@code ReservedCode1} exactly as read.
     * Content without a label gets one with {@code labelIfAbsent} (e.g. "3" when a detector flagged it).
     *
     * @throws IllegalArgumentException when the existing label is invalid: a platform must not launder it
     */
    public static byte[] propagate(
            byte[] file, String propagator, String propagateId, String reservedCode2, String labelIfAbsent)
            throws IOException {
        format(file);
        Aigc label = existing(file)
                .map(a -> a.propagatedBy(propagator, propagateId, reservedCode2))
                .orElseGet(() -> Aigc.addedByPlatform(labelIfAbsent, propagator, propagateId, reservedCode2));
        return write(file, Optional.empty(), Optional.of(label));
    }

    private static Optional<Aigc> existing(byte[] file) throws IOException {
        MetadataLabels.Found found;
        try {
            found = MetadataLabels.read(file);
        } catch (org.pramaan.media.MediaRejectedException e) {
            throw new IllegalArgumentException("cannot read the file's labels: " + e.getMessage(), e);
        }
        for (Signal s : found.aigc()) {
            if (s.type() != SignalType.GB45438_AIGC) continue;
            if (s.attributes().containsKey("error")) {
                throw new IllegalArgumentException("the file's AIGC label at " + s.location() + " is invalid ("
                        + s.attributes().get("error") + "); not propagating it");
            }
            return Optional.of(Aigc.fromFields(s.attributes()));
        }
        return Optional.empty();
    }

    /**
     * Refuses a file Pramaan's own reader rejects (issue 18: a JPEG cut inside its compressed data,
     * with no end-of-image marker, was labelled and then refused by {@code metadata read}); the
     * writers copy such data through untouched, so only the reader notices, and the input is refused
     * with the reader's own message.
     */
    private static void readable(byte[] file) throws IOException {
        try {
            MetadataLabels.read(file);
        } catch (org.pramaan.media.MediaRejectedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Recognises the format by its first bytes; the file name never decides. */
    public static Format format(byte[] f) {
        if (f.length >= 3 && (f[0] & 0xFF) == 0xFF && (f[1] & 0xFF) == 0xD8 && (f[2] & 0xFF) == 0xFF)
            return Format.JPEG;
        if (f.length >= 8 && (f[0] & 0xFF) == 0x89 && Bytes.startsWith(f, 1, "PNG\r\n\u001a\n")) return Format.PNG;
        if (f.length >= 12 && Bytes.startsWith(f, 0, "RIFF") && Bytes.startsWith(f, 8, "WAVE")) return Format.WAV;
        if (f.length >= 12 && Bytes.startsWith(f, 0, "RIFF") && Bytes.startsWith(f, 8, "WEBP")) return Format.WEBP;
        if (f.length >= 12 && Bytes.startsWith(f, 4, "ftyp")) return Format.MP4;
        if (f.length >= 10 && Bytes.startsWith(f, 0, "ID3")) return Format.MP3;
        if (f.length >= 4 && (f[0] & 0xFF) == 0xFF && (f[1] & 0xE0) == 0xE0)
            return Format.MP3; // MPEG audio frame sync, no tag yet
        throw new IllegalArgumentException(
                "not a JPEG, PNG, WebP, MP4, MP3 or WAV file" + (f.length == 0 ? " (empty)" : ""));
    }
}

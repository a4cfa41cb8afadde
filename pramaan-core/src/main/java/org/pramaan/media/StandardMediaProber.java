package org.pramaan.media;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunks;

/**
 * Sniffs the type from magic bytes, then lets the format's probe read dimensions or duration from
 * headers. Limits are checked before anything is decoded: the size before reading, the pixel count
 * as soon as the header gives it. No exception but {@link MediaRejectedException} and genuine I/O
 * failures leaves {@link #probe}.
 */
final class StandardMediaProber implements MediaProber {
    private static final int SNIFF_BYTES = 64;

    @Override
    public MediaInfo probe(MediaSource source, MediaLimits limits) throws MediaRejectedException, IOException {
        try {
            return probeReadable(source, limits);
        } catch (EOFException e) {
            throw new MediaRejectedException(
                    RejectionCode.TRUNCATED, "the file ends unexpectedly: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MediaRejectedException(
                    RejectionCode.UNREADABLE, "the file could not be read: " + e.getMessage(), e);
        }
    }

    private MediaInfo probeReadable(MediaSource source, MediaLimits limits) throws MediaRejectedException, IOException {
        long size = source.size();
        if (size == 0) throw new MediaRejectedException(RejectionCode.EMPTY, "the file is empty");
        if (size > limits.maxBytes()) {
            throw new MediaRejectedException(
                    RejectionCode.TOO_LARGE, "the file has " + size + " bytes; the limit is " + limits.maxBytes());
        }
        byte[] head = source.readUpTo(0, SNIFF_BYTES);
        Optional<MediaType> sniffed;
        try {
            sniffed = sniff(source, head);
        } catch (EOFException | RuntimeException e) {
            throw new MediaRejectedException(
                    RejectionCode.CORRUPT, "the file's signature is damaged: " + e.getMessage(), e);
        }
        MediaType type = sniffed.orElseThrow(() -> new MediaRejectedException(
                RejectionCode.UNKNOWN_TYPE,
                "not a supported image, video or audio format (first bytes: " + hex(head, 8) + ")"));
        MediaInfo info;
        try {
            info = switch (type) {
                case JPEG, PNG, GIF, WEBP, TIFF -> ImageProbes.probe(type, source, limits);
                case MP4, MOV, M4A, HEIF, AVIF -> BmffProbe.probe(type, source);
                case WEBM, MKV -> EbmlProbe.probe(source);
                case WAV, MP3, FLAC, OGG -> AudioProbes.probe(type, source);
            };
        } catch (EOFException e) {
            throw new MediaRejectedException(
                    RejectionCode.TRUNCATED, type + " file ends inside a header: " + e.getMessage(), e);
        } catch (org.pramaan.limits.BudgetExceededException e) {
            throw e; // the request's work budget ran out: not a fault of the file
        } catch (RuntimeException e) {
            // A parsing bug must not become a crash or a 500: the file is refused as corrupt.
            throw new MediaRejectedException(RejectionCode.CORRUPT, type + " headers could not be parsed: " + e, e);
        }
        checkPixels(info, limits);
        return info;
    }

    static void checkPixels(MediaInfo info, MediaLimits limits) throws MediaRejectedException {
        if (info.dimensions().isPresent() && info.dimensions().get().pixels() > limits.maxPixels()) {
            throw new MediaRejectedException(
                    RejectionCode.TOO_MANY_PIXELS,
                    info.type() + " declares " + info.dimensions().get() + " = "
                            + info.dimensions().get().pixels() + " pixels; the limit is " + limits.maxPixels());
        }
    }

    static Optional<MediaType> sniff(MediaSource src, byte[] h) throws IOException {
        if (JpegSegments.hasSignature(h)) return Optional.of(MediaType.JPEG);
        if (PngChunks.hasSignature(h)) return Optional.of(MediaType.PNG);
        if (Bytes.startsWith(h, 0, "GIF87a") || Bytes.startsWith(h, 0, "GIF89a")) return Optional.of(MediaType.GIF);
        if (Bytes.startsWith(h, 0, "RIFF") && Bytes.startsWith(h, 8, "WEBP")) return Optional.of(MediaType.WEBP);
        if (Bytes.startsWith(h, 0, "RIFF") && Bytes.startsWith(h, 8, "WAVE")) return Optional.of(MediaType.WAV);
        if (Bytes.startsWith(h, 0, "II*\0") || Bytes.startsWith(h, 0, "MM\0*")) return Optional.of(MediaType.TIFF);
        if (Bytes.startsWith(h, 0, "fLaC")) return Optional.of(MediaType.FLAC);
        if (Bytes.startsWith(h, 0, "OggS")) return Optional.of(MediaType.OGG);
        if (h.length >= 4 && Bytes.u32be(h, 0) == 0x1A45DFA3L)
            return Optional.of(EbmlProbe.docTypeIsWebm(src) ? MediaType.WEBM : MediaType.MKV);
        if (h.length >= 12 && Bytes.startsWith(h, 4, "ftyp")) return Optional.of(BmffProbe.classify(h));
        if (h.length >= 8 && BmffProbe.isQuickTimeTopLevel(Bytes.ascii(h, 4, 4))) return Optional.of(MediaType.MOV);
        if (Bytes.startsWith(h, 0, "ID3") || AudioProbes.mpegAudioAt(src, 0)) return Optional.of(MediaType.MP3);
        return Optional.empty();
    }

    static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) sb.append(String.format("%02x", b[i]));
        return sb.toString();
    }
}

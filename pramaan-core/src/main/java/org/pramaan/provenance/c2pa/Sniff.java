package org.pramaan.provenance.c2pa;

import java.nio.charset.StandardCharsets;
import org.pramaan.media.container.Bytes;

/** Names an asset's format from its first bytes, as a MIME type (the vocabulary of {@code dc:format}). */
final class Sniff {
    private Sniff() {}

    static String format(byte[] h) {
        if (h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF)
            return "image/jpeg";
        if (h.length >= 8 && (h[0] & 0xFF) == 0x89 && Bytes.startsWith(h, 1, "PNG")) return "image/png";
        if (Bytes.startsWith(h, 0, "RIFF") && h.length >= 12) {
            return switch (Bytes.ascii(h, 8, 4)) {
                case "WEBP" -> "image/webp";
                case "WAVE" -> "audio/wav";
                case "AVI " -> "video/avi";
                default -> "application/octet-stream";
            };
        }
        if (Bytes.startsWith(h, 4, "ftyp") && h.length >= 12) return bmffBrand(Bytes.ascii(h, 8, 4));
        if (Bytes.startsWith(h, 4, "jumb")) return "application/c2pa";
        if (Bytes.startsWith(h, 0, "ID3") || (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0))
            return "audio/mpeg";
        if (Bytes.startsWith(h, 0, "II*\0") || Bytes.startsWith(h, 0, "MM\0*")) return "image/tiff";
        if (Bytes.startsWith(h, 0, "GIF8")) return "image/gif";
        String text = new String(h, StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("<svg") || text.startsWith("<?xml") || text.startsWith("<!DOCTYPE svg"))
            return "image/svg+xml";
        return "application/octet-stream";
    }

    private static String bmffBrand(String brand) {
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "heic", "heix", "mif1", "msf1", "heif" -> "image/heif";
            case "avif", "avis" -> "image/avif";
            case "M4A " -> "audio/mp4";
            default -> "video/mp4";
        };
    }
}

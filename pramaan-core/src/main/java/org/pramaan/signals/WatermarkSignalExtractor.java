package org.pramaan.signals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pramaan.media.Dimensions;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.ImageDecoder;
import org.pramaan.watermark.DwtDctWatermark;
import org.pramaan.watermark.KnownWatermark;
import org.pramaan.watermark.RgbPixels;
import org.pramaan.watermark.SdWatermarkDetector;
import org.pramaan.watermark.WatermarkMatch;

/**
 * SD/SDXL watermark signals for still images. The tier policy (docs/watermark.md):
 * <ul>
 *   <li>"very likely": MODERATE, so SUSPECTED_SYNTHETIC, never confirmed. The mark is
 *       unkeyed and public (anyone can stamp it on a real photo, as our own encoder does), it is read
 *       by a statistical threshold rather than being a signed or standard assertion of origin, and
 *       China's labelling Measures file traces found by detection under "suspected"; confirmation
 *       stays with C2PA, IPTC and GB 45438 labels.</li>
 *   <li>"likely": WEAK with {@code ai=true}, so INCONCLUSIVE at most: detect.py saw 0.02 % of real
 *       images there, and one of our periodic test patterns reaches it (34/48).</li>
 *   <li>"partial" (detect.py: "Cannot determine with certainty") or below: no signal. Our clean
 *       images land there often (8 of 82 PDQ checks), so it would only be noise for reviewers.</li>
 *   <li>Images the package refuses (under 256×256 px) or over the pixel cap: not examined.</li>
 * </ul>
 * Pixels come from {@link ImageDecoder#decodeFull} (our PNG decoder, else ImageIO) at full size: the mark lives in exact 4×4
 * blocks of the half-size band, which the hashing decoders' 512×512 squash destroys.
 */
public final class WatermarkSignalExtractor implements SignalExtractor {
    /** Default cap: SD/SDXL write at most about 2 MP natively (SDXL 1536×640, 1024²); a 12-MP photo need not be decoded twice. */
    public static final long DEFAULT_MAX_PIXELS = 2048L * 2048;

    private final SdWatermarkDetector detector;
    private final long maxPixels;

    public WatermarkSignalExtractor() {
        this(new SdWatermarkDetector(), DEFAULT_MAX_PIXELS);
    }

    public WatermarkSignalExtractor(SdWatermarkDetector detector, long maxPixels) {
        if (maxPixels < DwtDctWatermark.MIN_PIXELS)
            throw new IllegalArgumentException("watermark pixel cap must be at least 65536, was " + maxPixels);
        this.detector = detector;
        this.maxPixels = maxPixels;
    }

    @Override
    public List<Signal> extract(SignalInput input) throws IOException {
        MediaSource source = input.source();
        MediaInfo info = input.info();
        if (info.kind() != MediaKind.IMAGE || info.dimensions().isEmpty()) return List.of();
        Dimensions d = info.dimensions().get();
        if (!SdWatermarkDetector.applies(d.width(), d.height()) || d.pixels() > maxPixels) return List.of();
        RgbPixels pixels;
        try {
            pixels = RgbPixels.of(ImageDecoder.decodeFull(source, info));
        } catch (IOException | RuntimeException e) {
            return List.of(); // undecodable pixels are refused by the PDQ step with their reason; nothing to add here
        }
        return signals(detector.detect(pixels));
    }

    public static List<Signal> signals(List<WatermarkMatch> matches) {
        List<Signal> out = new ArrayList<>();
        for (WatermarkMatch m : matches) {
            KnownWatermark.Verdict v = m.verdict();
            if (v.compareTo(KnownWatermark.Verdict.LIKELY) < 0) continue;
            SignalStrength strength =
                    v == KnownWatermark.Verdict.VERY_LIKELY ? SignalStrength.MODERATE : SignalStrength.WEAK;
            Map<String, String> a = new LinkedHashMap<>();
            a.put("watermark", m.watermark().id());
            a.put("method", "invisible-watermark dwtDct");
            a.put("generator", m.watermark().generator());
            a.put("verdict", v.name().toLowerCase(Locale.ROOT));
            a.put("matchedBits", Integer.toString(m.matchedBits()));
            a.put("totalBits", Integer.toString(m.totalBits()));
            a.put("ratio", String.format(Locale.ROOT, "%.4f", m.ratio()));
            a.put(
                    "thresholds",
                    m.watermark().partial() + "/" + m.watermark().likely() + "/"
                            + m.watermark().veryLikely());
            a.put("thresholdBasis", m.watermark().basis());
            a.put("decodedBits", m.decodedHex());
            m.watermark().text().ifPresent(t -> a.put("decodedText", m.decodedText()));
            a.put("channelOrder", m.order().name().toLowerCase(Locale.ROOT));
            a.put("polarity", m.inverted() ? "inverted" : "direct");
            a.put("synthetic", "true");
            a.put("ai", "true");
            a.put("confirmed", "false");
            out.add(new Signal(
                    SignalType.INVISIBLE_WATERMARK,
                    m.watermark().id(),
                    strength,
                    "decoded pixels (U plane, Haar cA 4x4 blocks)",
                    a));
        }
        return out;
    }
}

package org.pramaan.watermark;

import java.util.ArrayList;
import java.util.List;

/**
 * The distortions issue 14 asks our watermark to survive in video, as ffmpeg output arguments: one
 * list shared by the FFmpeg module's tests and {@code pramaan bench watermark-robustness --video}, so
 * both measure the same thing (as {@link ImageAttacks} for images). Every attack re-encodes with
 * libx264 (medium preset, the default a platform's transcoder uses) and drops all metadata
 * ({@code -map_metadata -1}), so only the pixels can carry the mark. Brightness is a gain on luma with
 * clipping; the crop is 10 % off each dimension, off-centre (the tile grid shifts by an odd amount).
 */
public enum VideoAttacks {
    NONE("none (as marked)", "", 0, 0),
    CRF_23("H.264 CRF 23", "", 23, 0),
    CRF_28("H.264 CRF 28", "", 28, 0),
    HALF("scale 0.5x, CRF 23", "scale=trunc(iw/4)*2:trunc(ih/4)*2", 23, 0),
    CROP_10("crop 10 %, CRF 23", "crop=trunc(iw*0.45)*2:trunc(ih*0.45)*2:iw*0.037:ih*0.061", 23, 0),
    BRIGHTER_20("brightness +20 %, CRF 23", "lutyuv=y=clipval*1.2", 23, 0),
    DARKER_20("brightness -20 %, CRF 23", "lutyuv=y=val*0.8", 23, 0),
    TRIM_3S("3 s excerpt from 1 s, CRF 23", "", 23, 3);

    private final String label;
    private final String filter;
    private final int crf;
    private final int excerptSeconds;

    VideoAttacks(String label, String filter, int crf, int excerptSeconds) {
        this.label = label;
        this.filter = filter;
        this.crf = crf;
        this.excerptSeconds = excerptSeconds;
    }

    public String label() {
        return label;
    }

    /**
     * The ffmpeg command (without the program name) that applies this attack to {@code in}, writing
     * {@code out}; empty for {@link #NONE}.
     */
    public List<String> ffmpegArgs(String in, String out) {
        if (this == NONE) return List.of();
        List<String> a = new ArrayList<>(List.of("-nostdin", "-v", "error", "-y"));
        if (excerptSeconds > 0) a.addAll(List.of("-ss", "1", "-t", Integer.toString(excerptSeconds)));
        a.addAll(List.of("-i", in, "-map_metadata", "-1", "-map", "0:v:0", "-map", "0:a?"));
        if (!filter.isEmpty()) a.addAll(List.of("-vf", filter));
        a.addAll(List.of(
                "-c:v",
                "libx264",
                "-preset",
                "medium",
                "-crf",
                Integer.toString(crf),
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-f",
                "mp4",
                out));
        return a;
    }
}

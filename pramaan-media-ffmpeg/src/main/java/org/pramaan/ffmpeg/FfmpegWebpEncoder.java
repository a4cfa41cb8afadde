package org.pramaan.ffmpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.pramaan.labels.WebpEncoder;

/**
 * WebP through the system ffmpeg's libwebp: the labelled picture is handed over as a PNG (lossless, so
 * nothing is lost on the way) and encoded as VP8L ({@code -lossless 1}) or VP8 at
 * {@link WebpEncoder#LOSSY_QUALITY}. Argument arrays (no shell), a time limit, temporary files removed.
 */
public final class FfmpegWebpEncoder implements WebpEncoder {
    private final String ffmpeg;

    public FfmpegWebpEncoder() {
        this("ffmpeg");
    }

    public FfmpegWebpEncoder(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Whether ffmpeg runs and has the libwebp encoder. */
    public boolean available() {
        try {
            FfmpegVideoLabeller.Run r = FfmpegVideoLabeller.run(List.of(ffmpeg, "-hide_banner", "-encoders"), 30);
            return r.exit() == 0 && r.out().contains(" libwebp ");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public byte[] encode(BufferedImage img, boolean lossless) throws IOException {
        Path png = Files.createTempFile("pramaan-webp-", ".png");
        Path webp = Files.createTempFile("pramaan-webp-", ".webp");
        try {
            if (!ImageIO.write(img, "png", png.toFile())) throw new IllegalStateException("no PNG encoder");
            FfmpegVideoLabeller.Run r = FfmpegVideoLabeller.run(
                    List.of(
                            ffmpeg,
                            "-nostdin",
                            "-v",
                            "error",
                            "-y",
                            "-i",
                            png.toString(),
                            "-c:v",
                            "libwebp",
                            "-lossless",
                            lossless ? "1" : "0",
                            "-quality",
                            lossless ? "100" : Integer.toString(LOSSY_QUALITY),
                            "-f",
                            "webp",
                            webp.toString()),
                    FfmpegVideoLabeller.TIMEOUT_SECONDS);
            if (r.exit() != 0 || Files.size(webp) == 0)
                throw new IOException("ffmpeg libwebp failed: " + FfmpegVideoLabeller.tail(r.err()));
            return Files.readAllBytes(webp);
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(webp);
        }
    }
}

package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;
import org.pramaan.labels.WebpEncoder;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.ImageDecoder;
import org.pramaan.testkit.TestImages;

/** {@code pramaan label apply} on WebP: WebP out through ffmpeg's libwebp, the label found in the decoded pixels. */
class LabelWebpCliTest {
    @TempDir
    Path dir;

    @Test
    void aLossyWebpComesBackAsLossyWebpWithTheLabelDrawn() throws Exception {
        Path in = webp("lossy.webp", false);
        Path out = dir.resolve("out-lossy.webp");
        String said = apply(in, out);
        assertThat(said).startsWith("labelled WEBP for CN: text ");
        byte[] labelled = Files.readAllBytes(out);
        assertThat(WebpEncoder.lossless(labelled)).isFalse();
        // Lossy re-encoding moves every pixel a little; the label moves a region a lot.
        Rectangle box = changed(decode(Files.readAllBytes(in)), decode(labelled), 64);
        assertThat(box.height).as("label rows").isGreaterThanOrEqualTo(24); // ≥ 5 % of 480 (GB 45438 §4)
        assertThat((double) box.width * box.height).isLessThan(0.5 * 640 * 480);
    }

    @Test
    void aLosslessWebpStaysLosslessAndOnlyTheLabelsPixelsChange() throws Exception {
        Path in = webp("lossless.webp", true);
        Path out = dir.resolve("out-lossless.webp");
        assertThat(apply(in, out)).startsWith("labelled WEBP for CN: text ");
        byte[] labelled = Files.readAllBytes(out);
        assertThat(WebpEncoder.lossless(labelled)).isTrue();
        Rectangle box = changed(decode(Files.readAllBytes(in)), decode(labelled), 0);
        assertThat(box.height).isGreaterThanOrEqualTo(24);
        assertThat((double) box.width * box.height).isLessThan(0.5 * 640 * 480);
    }

    private String apply(Path in, Path out) {
        StringWriter o = new StringWriter(), err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(
                        ServerTestBase.config(dir.resolve("data"), Map.of()), Clock.systemUTC(), System.out),
                new PrintWriter(o, true),
                new PrintWriter(err, true),
                "label",
                "apply",
                "--profile",
                "CN",
                in.toString(),
                out.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out).exists();
        return o.toString();
    }

    static BufferedImage decode(byte[] webp) throws Exception {
        MediaSource src = MediaSource.of(webp);
        MediaInfo info = MediaProber.standard().probe(src, MediaLimits.defaults());
        return ImageDecoder.decodeFull(src, info);
    }

    /** The bounding box of pixels whose luma moved by more than {@code threshold}. */
    static Rectangle changed(BufferedImage a, BufferedImage b, int threshold) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = 0; y < a.getHeight(); y++)
            for (int x = 0; x < a.getWidth(); x++)
                if (Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y))) > threshold) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
        assertThat(x1).as("no pixel changed: no label drawn").isGreaterThanOrEqualTo(0);
        return new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    private static int luma(int rgb) {
        return (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
    }

    private Path webp(String name, boolean lossless) throws Exception {
        return webp(dir, name, lossless);
    }

    /** A 640×480 photo-like picture as WebP, lossy (quality 80) or lossless, made by ffmpeg's libwebp. */
    static Path webp(Path dir, String name, boolean lossless) throws Exception {
        Path png = Files.write(dir.resolve(name + ".png"), TestImages.png(TestImages.photo(640, 480, 3)));
        Path out = dir.resolve(name);
        TestMedia.ffmpeg(
                "libwebp",
                "-i",
                png.toString(),
                "-c:v",
                "libwebp",
                "-lossless",
                lossless ? "1" : "0",
                "-quality",
                "80",
                "-f",
                "webp",
                out.toString());
        return out;
    }
}

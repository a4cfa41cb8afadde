package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Test WebPs made at test time: there is no pure-Java WebP encoder, so a generated PNG goes
 * through Debian's {@code cwebp}; {@code dwebp} gives libwebp's decode as the reference (both in
 * package {@code webp}). Without them the tests skip with a message, except under {@code CI=true},
 * where they fail.
 */
final class WebpSamples {
    private WebpSamples() {}

    /** A seeded picture with gradients, edges, texture and saturated colour, so every predictor and filter path runs. */
    static BufferedImage picture(int w, int h, long seed, boolean alpha) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int cx = r.nextInt(w), cy = r.nextInt(h), rad = 5 + r.nextInt(Math.max(6, Math.min(w, h) / 2));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = (x * 255) / Math.max(1, w - 1),
                        green = (y * 255) / Math.max(1, h - 1),
                        blue = ((x ^ y) & 16) != 0 ? 230 : 20;
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < rad * rad) {
                    red = 255;
                    green = 20;
                    blue = 0;
                }
                if (y > h * 2 / 3) {
                    int n = r.nextInt(90);
                    red = Math.min(255, red / 2 + n);
                    green = Math.min(255, green / 2 + n);
                }
                int a = alpha ? (x * 7 + y * 3) & 0xFF : 0xFF;
                img.setRGB(x, y, a << 24 | red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    /** Encodes with cwebp and the given options; skips (or fails in CI) when cwebp is absent. */
    static byte[] cwebp(BufferedImage img, String... options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("webp-test");
        try {
            Path png = dir.resolve("in.png"), out = dir.resolve("out.webp");
            ImageIO.write(img, "png", png.toFile());
            List<String> cmd = new ArrayList<>(List.of(tool(), "-quiet"));
            cmd.addAll(List.of(options));
            cmd.addAll(List.of(png.toString(), "-o", out.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0)
                throw new IOException("cwebp failed: " + cmd + "\n" + log);
            return Files.readAllBytes(out);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path f : s.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    /**
     * libwebp's own decode (dwebp -yuv): the Y plane, then U, then V, each ⌈w/2⌉×⌈h/2⌉, exactly
     * the planes the VP8 decoder reconstructs before any colour conversion.
     */
    static byte[] dwebpYuv(byte[] webp) throws IOException, InterruptedException {
        return dwebp(webp, "-yuv");
    }

    /** libwebp's RGB with chroma replicated (dwebp -nofancy), as 0xRRGGBB per pixel, row-major. */
    static int[] dwebpRgb(byte[] webp, int w, int h) throws IOException, InterruptedException {
        byte[] ppm = dwebp(webp, "-nofancy", "-ppm");
        int at = ppm.length - 3 * w * h; // the P6 header is ASCII and ends right before the samples
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++)
            rgb[i] = (ppm[at + 3 * i] & 0xFF) << 16 | (ppm[at + 3 * i + 1] & 0xFF) << 8 | (ppm[at + 3 * i + 2] & 0xFF);
        return rgb;
    }

    private static byte[] dwebp(byte[] webp, String... options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("webp-test");
        try {
            Path in = dir.resolve("in.webp"), out = dir.resolve("out.raw");
            Files.write(in, webp);
            List<String> cmd = new ArrayList<>(List.of(tool("dwebp"), "-quiet"));
            cmd.addAll(List.of(options));
            cmd.addAll(List.of(in.toString(), "-o", out.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0)
                throw new IOException("dwebp failed: " + cmd + "\n" + log);
            return Files.readAllBytes(out);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path f : s.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    private static String tool() {
        return tool("cwebp");
    }

    private static String tool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, name))) return Path.of(d, name).toString();
        }
        if ("true".equals(System.getenv("CI")))
            throw new AssertionError(name + " missing in CI: add Debian package 'webp' to .ci/run");
        Assumptions.abort(name + " not found (Debian package 'webp'); WebP decoder tests skipped");
        return null;
    }

    /** The oracle: TwelveMonkeys' reader through ImageIO, full size. */
    static BufferedImage imageIo(byte[] webp) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(webp));
        if (img == null) throw new IOException("no ImageIO reader decoded the WebP");
        return img;
    }
}

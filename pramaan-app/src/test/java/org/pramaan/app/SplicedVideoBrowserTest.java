package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.ffmpeg.FfmpegVideoLabeller;
import org.pramaan.json.Json;
import org.pramaan.labels.LabelProfiles;
import org.pramaan.labels.VideoLabelWriter;
import org.pramaan.labels.VisibleLabels;

/**
 * A CN video label (GB 45438 §6.1, first 2 s) re-encodes only the GOPs the label touches and stream-copies the rest
 * (GopSplice). The output's {@code avc1} sample entry carries our encoder's parameter sets, and the copied tail brings
 * the source's own SPS/PPS in band, with the same ids and different content. ffmpeg decodes that; this test plays it
 * in a real browser (Debian's Chromium through Playwright), as a viewer would: to the end, without a media error, and
 * with the right picture on both sides of the splice.
 *
 * <p>The source is made to differ from our encoder in everything a decoder must take from the parameter sets: Main
 * profile, CAVLC (ours is High, CABAC), 4 reference frames and a 3-B-frame pyramid (ours: 1 B-frame). A player that
 * kept decoding the tail with the sample entry's SPS/PPS could not parse a single slice of it. A coloured box in the
 * source changes colour every 1.2 s, so each drawn frame also tells which time it belongs to.
 */
class SplicedVideoBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** 6 s at 25 fps, keyframes every 60 frames: 0, 2.4 and 4.8 s, so the splice is at 2.4 s. */
    static final int FRAMES = 150;

    static final double SPLICE = 2.4;

    /** The source's box (top-left; the CN label is bottom-right) and its colour per 1.2 s. */
    static final Rectangle BOX = new Rectangle(40, 40, 160, 120);

    static final String[] COLOURS = {"red", "lime", "blue", "yellow", "magenta"};
    static final int[][] RGB = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0}, {255, 0, 255}};

    @TempDir
    Path dir;

    @Test
    void chromiumPlaysTheSplicedCnLabelToTheEndWithTheRightFramesOnBothSidesOfTheSplice() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!Files.isExecutable(CHROMIUM)) {
            if (ci) throw new AssertionError("CI=true but " + CHROMIUM + " is missing: apt-get install -y chromium");
            Assumptions.abort("skipped: " + CHROMIUM + " not installed (apt-get install -y chromium)");
        }
        Path src = source();
        Path out = dir.resolve("labelled.mp4");
        VideoLabelWriter.Result r = new FfmpegVideoLabeller()
                .label(src, out, VisibleLabels.Request.of(LabelProfiles.bundled("CN")), Optional.empty());
        Rectangle label = r.drawn().area();
        assertThat(label.intersects(BOX))
                .as("label %s clear of the colour box", label)
                .isFalse();

        // It was spliced: the tail's frames are the source's, bit for bit (a full re-encode changes every one), and
        // the sample entry (what ffprobe reports) is our High-profile head while the tail is the source's Main.
        List<String> a = frameMd5(src);
        List<String> b = frameMd5(out);
        assertThat(b).as("every frame decodes, none lost or added").hasSize(FRAMES);
        assertThat(b.subList(60, FRAMES)).isEqualTo(a.subList(60, FRAMES));
        assertThat(b.subList(0, 50)).doesNotContainAnyElementsOf(a.subList(0, 50));
        assertThat(probe(src, "stream=profile")).isEqualTo("Main");
        assertThat(probe(out, "stream=profile")).isEqualTo("High");
        // ffprobe decoding every frame of the output reports nothing at -v error.
        Process p = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-count_frames",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=nb_read_frames",
                        "-of",
                        "csv=p=0",
                        out.toString())
                .start();
        String frames = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).isZero();
        assertThat(errors).as("ffprobe -v error while decoding every frame").isEmpty();
        assertThat(frames).isEqualTo(Integer.toString(FRAMES));

        JsonNode js = play(out, src, label);
        JsonNode played = js.path("played");
        assertThat(played.path("errors").size()).as("media errors: %s", played).isZero();
        assertThat(played.path("ended").asBoolean())
                .as("played to the end: %s", played)
                .isTrue();
        double duration = Double.parseDouble(probe(src, "format=duration"));
        assertThat(played.path("duration").asDouble()).isCloseTo(duration, org.assertj.core.data.Offset.offset(0.05));
        assertThat(played.path("end").asDouble()).isCloseTo(duration, org.assertj.core.data.Offset.offset(0.05));
        assertThat(played.path("decoded").asInt())
                .as("frames decoded in playback")
                .isGreaterThanOrEqualTo(135);

        // While playing: every frame drawn to a canvas shows the box colour of its time, also past the splice.
        int checked = 0, pastSplice = 0;
        for (JsonNode s : js.path("samples")) {
            double t = s.path(0).asDouble();
            double k = t / 1.2;
            if (Math.abs(k - Math.rint(k)) * 1.2 < 0.15) continue; // too close to a colour change to tell
            int segment = Math.min(COLOURS.length - 1, (int) k);
            assertThat(near(s, 1, RGB[segment]))
                    .as("box at %.3f s is %s: %s", t, COLOURS[segment], s)
                    .isTrue();
            checked++;
            if (t > SPLICE + 0.15) pastSplice++;
        }
        assertThat(checked).as("frames checked during playback").isGreaterThanOrEqualTo(10);
        assertThat(pastSplice)
                .as("frames checked after the splice at %.1f s", SPLICE)
                .isGreaterThanOrEqualTo(5);

        // Seeking: the label's area differs from the source only while the label shows; the rest of the picture
        // matches the source throughout, exactly so in the copied tail.
        for (JsonNode f : js.path("seeks")) {
            double t = f.path("t").asDouble();
            int segment = Math.min(COLOURS.length - 1, (int) (t / 1.2));
            assertThat(near(f.path("box"), 0, RGB[segment]))
                    .as("box at %.1f s is %s: %s", t, COLOURS[segment], f)
                    .isTrue();
            double inLabel = f.path("inLabel").asDouble();
            double outside = f.path("outside").asDouble();
            if (t < 2.0) assertThat(inLabel).as("label shown at %.1f s", t).isGreaterThan(40);
            else assertThat(inLabel).as("label gone at %.1f s", t).isLessThan(8);
            if (t < SPLICE)
                assertThat(outside).as("re-encoded head at %.1f s", t).isLessThan(4);
            else assertThat(outside).as("copied tail at %.1f s", t).isLessThan(0.5);
        }
        assertThat(js.path("seeks").size()).isEqualTo(6);
    }

    /** The browser run: play to the end sampling the box, then seek both files to fixed times and compare. */
    private JsonNode play(Path out, Path src, Rectangle label) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<!doctype html><html><body></body></html>\n");
        try (Playwright pw = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = pw.chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    // file: pages and videos share an origin, so the canvas is readable
                                    "--allow-file-access-from-files",
                                    "--autoplay-policy=no-user-gesture-required",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update")));
            Page tab = browser.newPage();
            tab.navigate(page.toUri().toString());
            Object result = tab.evaluate(
                    SCRIPT,
                    Map.of(
                            "out", out.toUri().toString(),
                            "src", src.toUri().toString(),
                            "label", List.of(label.x, label.y, label.width, label.height),
                            "box", List.of(BOX.x + BOX.width / 2, BOX.y + BOX.height / 2)));
            return Json.mapper().readTree((String) result);
        }
    }

    private static final String SCRIPT = """
            async ({out, src, label, box}) => {
              const load = async (url) => {
                const v = document.createElement('video');
                v.muted = true; v.preload = 'auto'; document.body.appendChild(v);
                const errors = [];
                v.addEventListener('error', () => errors.push(v.error ? v.error.code + ': ' + v.error.message : '?'));
                v.src = url;
                await new Promise((ok, fail) => {
                  v.addEventListener('loadeddata', ok, {once: true});
                  v.addEventListener('error', () => fail('media error on ' + url + ': ' + errors), {once: true});
                });
                return {v, errors};
              };
              const canvas = (v) => {
                const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
                const g = c.getContext('2d', {willReadFrequently: true}); g.drawImage(v, 0, 0);
                return g.getImageData(0, 0, c.width, c.height);
              };
              const px = (img, x, y) => { const i = (y * img.width + x) * 4; return [img.data[i], img.data[i + 1], img.data[i + 2]]; };
              const seek = (v, t) => new Promise(ok => { v.addEventListener('seeked', ok, {once: true}); v.currentTime = t; });
              const o = await load(out), s = await load(src);
              const samples = [];
              o.v.addEventListener('timeupdate', () => {
                if (o.v.readyState >= 2) samples.push([o.v.currentTime, px(canvas(o.v), box[0], box[1])]);
              });
              await o.v.play();
              await new Promise(ok => { o.v.addEventListener('ended', ok, {once: true}); setTimeout(ok, 60000); });
              const played = {ended: o.v.ended, duration: o.v.duration, end: o.v.currentTime, errors: o.errors.concat(s.errors),
                              decoded: o.v.getVideoPlaybackQuality().totalVideoFrames};
              const seeks = [];
              for (const t of [0.5, 1.5, 2.2, 3.0, 4.2, 5.4]) {
                await seek(o.v, t); await seek(s.v, t);
                const a = canvas(o.v), b = canvas(s.v);
                let inSum = 0, inN = 0, outSum = 0, outN = 0;
                for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) {
                  const i = (y * a.width + x) * 4;
                  const d = (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1])
                             + Math.abs(a.data[i + 2] - b.data[i + 2])) / 3;
                  if (x >= label[0] && x < label[0] + label[2] && y >= label[1] && y < label[1] + label[3]) { inSum += d; inN++; }
                  else { outSum += d; outN++; }
                }
                seeks.push({t, box: px(a, box[0], box[1]), inLabel: inSum / inN, outside: outSum / outN});
              }
              return JSON.stringify({played, samples, seeks});
            }
            """;

    /** Within 48 levels per channel of {@code rgb}: the colour survives H.264 and BT.601/709 conversion. */
    private static boolean near(JsonNode node, int index, int[] rgb) {
        JsonNode c = index == 0 ? node : node.path(index);
        for (int i = 0; i < 3; i++) if (Math.abs(c.path(i).asInt(-999) - rgb[i]) > 48) return false;
        return true;
    }

    /** The source, encoded unlike our labeller in every parameter-set field that matters (see the class comment). */
    private Path source() throws Exception {
        Path src = dir.resolve("source.mp4");
        StringBuilder boxes = new StringBuilder("testsrc2=size=640x360:rate=25:duration=6");
        for (int i = 0; i < COLOURS.length; i++) {
            String when = i == COLOURS.length - 1
                    ? "gte(t," + 1.2 * i + ")"
                    : "between(t," + String.format(java.util.Locale.ROOT, "%.1f,%.3f", 1.2 * i, 1.2 * (i + 1) - 0.001)
                            + ")";
            boxes.append(String.format(
                    java.util.Locale.ROOT,
                    ",drawbox=x=%d:y=%d:w=%d:h=%d:c=%s:t=fill:enable='%s'",
                    BOX.x,
                    BOX.y,
                    BOX.width,
                    BOX.height,
                    COLOURS[i],
                    when));
        }
        TestMedia.ffmpeg(
                "libx264",
                "-f",
                "lavfi",
                "-i",
                boxes.toString(),
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=6",
                "-c:v",
                "libx264",
                "-preset",
                "medium",
                "-profile:v",
                "main",
                "-coder",
                "0",
                "-refs",
                "4",
                "-bf",
                "3",
                "-g",
                "60",
                "-sc_threshold",
                "0",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                src.toString());
        return src;
    }

    private static List<String> frameMd5(Path f) throws Exception {
        Process p = new ProcessBuilder(
                        "ffmpeg", "-nostdin", "-v", "error", "-i", f.toString(), "-map", "0:v", "-f", "framemd5", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String md5 = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        List<String> out = new ArrayList<>();
        for (String l : md5.lines().toList())
            if (!l.startsWith("#")) out.add(l.substring(l.lastIndexOf(',') + 1).strip());
        return out;
    }

    private static String probe(Path f, String entries) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        if (entries.startsWith("stream")) cmd.addAll(List.of("-select_streams", "v:0"));
        cmd.addAll(List.of("-show_entries", entries, "-of", "csv=p=0", f.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).isZero();
        return s;
    }
}

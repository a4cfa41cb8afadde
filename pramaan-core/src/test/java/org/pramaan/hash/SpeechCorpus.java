package org.pramaan.hash;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pramaan.media.MediaSource;
import org.pramaan.media.audio.DecodedAudio;
import org.pramaan.media.audio.WavReader;
import org.pramaan.testing.ExternalTools;

/**
 * Speech synthesised with espeak-ng and transformed with the ffmpeg CLI, made once into a folder. The
 * sentences are not the ones the classifier thresholds were calibrated on. Clip 5 says clip 1's
 * sentence in another voice: a re-spoken line is different audio and must not match.
 */
final class SpeechCorpus {
    record Clip(String id, String voice, int wordsPerMinute, String text) {}

    /** A transformation: ffmpeg output options, the container it writes, where the copy starts in the original. */
    record Variant(String name, List<String> options, String extension, double offsetSeconds) {}

    private static final String RIVER =
            "The river rose quickly after three days of heavy rain. Farmers moved their cattle to higher ground, and the town council opened the school gym as a shelter for families whose houses had flooded overnight.";

    static final List<Clip> CLIPS = List.of(
            new Clip("s1-us", "en-us", 165, RIVER),
            new Clip(
                    "s2-gb",
                    "en-gb",
                    170,
                    "Our new bakery on the corner sells rye bread, cinnamon rolls and small lemon cakes. On Saturdays the queue reaches the post office, and by ten o'clock almost everything on the shelves has been sold."),
            new Clip(
                    "s3-us-f",
                    "en-us+f3",
                    160,
                    "Before you start the engine, check the oil level, adjust the mirrors and fasten your seat belt. Then release the hand brake slowly and pull out into the traffic when the road is clear."),
            new Clip(
                    "s4-scot",
                    "en-gb-scotland",
                    165,
                    "The museum reopened last spring with a new wing devoted to ancient maps. Visitors can trace the routes of early explorers across oceans that, at the time, were believed to end at the edge of the world."),
            new Clip("s5-rp", "en-gb-x-rp", 165, RIVER),
            new Clip(
                    "s6-carib",
                    "en-029",
                    155,
                    "Twelve students entered the chess tournament this year. After five rounds, two of them were still unbeaten, and the final game lasted nearly four hours before one player offered a draw."));

    static final List<Variant> VARIANTS = List.of(
            new Variant("mp3-128k", List.of("-c:a", "libmp3lame", "-b:a", "128k"), "mp3", 0),
            new Variant("aac-64k", List.of("-c:a", "aac", "-b:a", "64k"), "m4a", 0),
            new Variant("opus-24k", List.of("-c:a", "libopus", "-b:a", "24k"), "opus", 0),
            new Variant("gain+6dB", List.of("-af", "volume=6dB", "-c:a", "pcm_s16le"), "wav", 0),
            new Variant("gain-10dB", List.of("-af", "volume=-10dB", "-c:a", "pcm_s16le"), "wav", 0),
            new Variant("trim-3.3s", List.of("-ss", "3.3", "-c:a", "pcm_s16le"), "wav", 3.3),
            new Variant("trim-2.1s+mp3", List.of("-ss", "2.1", "-c:a", "libmp3lame", "-b:a", "128k"), "mp3", 2.1));

    private SpeechCorpus() {}

    static Path original(Path dir, Clip c) {
        return dir.resolve(c.id() + ".wav");
    }

    static Path decoded(Path dir, Clip c, Variant v) {
        return dir.resolve(c.id() + "." + v.name() + ".wav");
    }

    /** Synthesises every clip and makes every variant, decoded back to WAV, two processes at a time. */
    static void make(Path dir) throws Exception {
        ExternalTools.require("espeak-ng", "espeak-ng");
        ExternalTools.require("ffmpeg", "ffmpeg");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Clip c : CLIPS) jobs.add(pool.submit(() -> makeClip(dir, c)));
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void makeClip(Path dir, Clip c) {
        ExternalTools.run(
                dir,
                "espeak-ng",
                "-v",
                c.voice(),
                "-s",
                Integer.toString(c.wordsPerMinute()),
                "-w",
                original(dir, c).toString(),
                c.text());
        for (Variant v : VARIANTS) {
            Path encoded = dir.resolve(c.id() + "." + v.name() + "." + v.extension());
            List<String> args = new ArrayList<>(List.of("-i", original(dir, c).toString()));
            args.addAll(v.options());
            args.add(encoded.toString());
            ExternalTools.ffmpeg(dir, args.toArray(String[]::new));
            if (!v.extension().equals("wav"))
                ExternalTools.ffmpeg(
                        dir,
                        "-i",
                        encoded.toString(),
                        "-c:a",
                        "pcm_s16le",
                        decoded(dir, c, v).toString());
            else if (!encoded.equals(decoded(dir, c, v))) throw new AssertionError("unexpected path " + encoded);
        }
    }

    static DecodedAudio read(Path wav) throws IOException {
        try (MediaSource src = MediaSource.open(wav)) {
            return new WavReader().read(src);
        } catch (org.pramaan.media.MediaRejectedException e) {
            throw new AssertionError(wav + ": " + e.getMessage(), e);
        }
    }
}

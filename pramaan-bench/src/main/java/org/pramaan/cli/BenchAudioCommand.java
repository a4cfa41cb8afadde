package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AudioFingerprinter;
import org.pramaan.hash.AudioMatcher;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.audio.DecodedAudio;
import org.pramaan.media.audio.WavReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * WAV read + audio fingerprint per file, and all-pairs matching, from bytes already in memory, one
 * thread, after untimed warm-up rounds. Prints seconds of audio fingerprinted per wall second.
 */
@Command(
        name = "audio",
        description =
                "Time WAV read + audio fingerprint per file, and matching of every pair, over a folder's WAV files.")
final class BenchAudioCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR")
    Path dir;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed rounds over all files first")
    int warmup;

    @Option(names = "--rounds", defaultValue = "3", description = "timed rounds")
    int rounds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final AudioFingerprinter fingerprinter = new AudioFingerprinter();

    @Override
    public Integer call() throws Exception {
        List<byte[]> files = new ArrayList<>();
        double audioSeconds = 0;
        for (Path f : ScanCommand.expand(List.of(dir))) {
            byte[] b = Files.readAllBytes(f);
            try {
                audioSeconds += new WavReader().read(MediaSource.of(b)).durationSeconds();
                files.add(b);
            } catch (MediaRejectedException e) {
                // not a WAV we read: not part of the benchmark
            }
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no PCM WAV files found under " + dir);
        List<AudioFingerprint> prints = new ArrayList<>();
        for (int r = 0; r < warmup; r++) for (byte[] b : files) once(b);
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            prints.clear();
            for (byte[] b : files) prints.add(once(b));
        }
        double fpSeconds = (System.nanoTime() - t0) / 1e9;
        AudioMatcher matcher = new AudioMatcher();
        int pairs = 0;
        long t1 = System.nanoTime();
        for (int r = 0; r < rounds; r++)
            for (AudioFingerprint q : prints)
                for (AudioFingerprint ref : prints) {
                    matcher.compare(q, ref);
                    pairs++;
                }
        double matchSeconds = (System.nanoTime() - t1) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s%n", BenchCommand.machine());
        out.printf(
                Locale.ROOT,
                "%-6s %-7s %-10s %-14s %-16s %-8s %-12s%n",
                "files",
                "rounds",
                "audio s",
                "ms per file",
                "audio s per s",
                "pairs",
                "µs per pair");
        out.printf(
                Locale.ROOT,
                "%-6d %-7d %-10.1f %-14.1f %-16.0f %-8d %-12.1f%n",
                files.size(),
                rounds,
                audioSeconds,
                fpSeconds * 1000 / (rounds * files.size()),
                audioSeconds * rounds / fpSeconds,
                pairs,
                matchSeconds * 1e6 / pairs);
        return 0;
    }

    private AudioFingerprint once(byte[] b) throws Exception {
        DecodedAudio a = new WavReader().read(MediaSource.of(b));
        return fingerprinter.fingerprint(a.samples(), a.sampleRate());
    }
}

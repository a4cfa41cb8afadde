package org.pramaan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AudioFingerprinter;
import org.pramaan.hash.AudioMatch;
import org.pramaan.hash.AudioMatcher;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.audio.DecodedAudio;
import org.pramaan.media.audio.WavReader;
import org.pramaan.media.container.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pramaan hash audio}: fingerprints of PCM WAV files, or the comparison of two. */
@Command(
        name = "audio",
        description = {
            "Audio fingerprint of PCM WAV files, printed as 'seconds,sub-fingerprints,path'.",
            "With --compare A B: where B's audio appears in A, its bit error rate and the decision; exit 3 on a match (as 'match' does)."
        })
final class HashAudioCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(
            names = "--full",
            description =
                    "also print the fingerprint (base64 of its serialised form): 'seconds,sub-fingerprints,base64,path'")
    boolean full;

    @Option(
            names = "--compare",
            description = "compare exactly two files: the query (second) against the reference (first)")
    boolean compare;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final AudioFingerprinter fingerprinter = new AudioFingerprinter();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (compare) {
            if (files.size() != 2) {
                err.println("--compare takes exactly two files (reference, query), got " + files.size());
                return 2;
            }
            try {
                AudioFingerprint ref = fingerprint(files.get(0)), query = fingerprint(files.get(1));
                AudioMatch m = new AudioMatcher().compare(query, ref);
                out.printf(
                        Locale.ROOT,
                        "%s offset=%.2fs overlap=%.2fs ber=%.3f threshold=%.2f chance=%.3f compared=%d%n",
                        m.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        m.offsetSeconds(),
                        m.overlapSeconds(),
                        m.bitErrorRate(),
                        AudioMatcher.DEFAULT_MAX_BIT_ERROR_RATE,
                        m.chanceBitErrorRate(),
                        m.comparedItems());
                return m.matched() ? 3 : 0;
            } catch (Failure f) {
                err.println(f.getMessage());
                return 1;
            }
        }
        int failed = 0;
        for (Path f : files) {
            try {
                AudioFingerprint fp = fingerprint(f);
                out.printf(
                        Locale.ROOT,
                        "%.3f,%d,%s%s%n",
                        fp.durationSeconds(),
                        fp.count(),
                        full ? fp.toBase64() + "," : "",
                        f);
            } catch (Failure e) {
                failed++;
                err.println(e.getMessage());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** A file that could not be fingerprinted; the message starts with its path. */
    private static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private AudioFingerprint fingerprint(Path f) throws Failure {
        try (MediaSource src = MediaSource.open(f)) {
            // The WAV reader checks the file itself (and reads streamed WAVs the probe refuses); the
            // prober only names what else the file is.
            byte[] head = src.readUpTo(0, 12);
            if (!(Bytes.startsWith(head, 0, "RIFF") && Bytes.startsWith(head, 8, "WAVE"))) {
                MediaInfo info = MediaProber.standard().probe(src, MediaLimits.defaults());
                throw new Failure(
                        f + ": " + info.type() + " is not supported here, only PCM WAV (convert with: ffmpeg -i "
                                + f.getFileName() + " -c:a pcm_s16le out.wav)");
            }
            DecodedAudio audio = new WavReader().read(src);
            return fingerprinter.fingerprint(audio.samples(), audio.sampleRate());
        } catch (MediaRejectedException e) {
            throw new Failure(f + ": " + e.code().code() + ": " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new Failure(f + ": " + e.getMessage());
        }
    }
}

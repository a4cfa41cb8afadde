package org.pramaan.hash.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.media.MediaSource;
import org.pramaan.media.audio.DecodedAudio;
import org.pramaan.media.audio.WavReader;

/**
 * Prints each classifier's response quartiles over WAV files given as arguments (the thresholds in
 * {@link Classifiers#SET} came from this run over espeak-ng speech; see docs/audio-fingerprint.md).
 * A tool, not a test: run with the test classpath.
 */
public final class ClassifierCalibration {
    private ClassifierCalibration() {}

    public static void main(String[] args) throws Exception {
        List<double[]> rows = new ArrayList<>();
        ChromaFeatures features = new ChromaFeatures();
        for (String a : args) {
            try (MediaSource src = MediaSource.open(Path.of(a))) {
                DecodedAudio d = new WavReader().read(src);
                ChromaFeatures.Image img =
                        features.image(Resampler.resample(d.samples(), d.sampleRate(), ChromaFeatures.SAMPLE_RATE));
                double[][] r = Classifiers.responses(img.chroma());
                for (int x = 0; x < r.length; x++) {
                    int quiet = 0;
                    for (int t = x; t < x + Classifiers.WINDOW; t++) if (img.quiet()[t]) quiet++;
                    if (quiet <= 12) rows.add(r[x]);
                }
            }
        }
        System.out.println(rows.size() + " strong windows");
        for (int k = 0; k < Classifiers.SET.size(); k++) {
            final int kk = k;
            double[] v = rows.stream().mapToDouble(r -> r[kk]).sorted().toArray();
            double[] abs =
                    rows.stream().mapToDouble(r -> Math.abs(r[kk])).sorted().toArray();
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%-40s %.4f, %.4f, %.4f   |r| median %.4f%n",
                    Classifiers.SET.get(k).shape() + " "
                            + Classifiers.SET.get(k).y() + "/"
                            + Classifiers.SET.get(k).height() + "/"
                            + Classifiers.SET.get(k).width(),
                    v[v.length / 4],
                    v[v.length / 2],
                    v[3 * v.length / 4],
                    abs[abs.length / 2]);
        }
    }
}

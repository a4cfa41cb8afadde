package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.media.audio.DecodedAudio;

/**
 * Speech from espeak-ng, transformed by the ffmpeg CLI (MP3, AAC, Opus, gain, trims), decoded back to
 * WAV and read by our reader: every copy must match its original at the right offset, and no two
 * different clips may match, including the same sentence in another voice. Prints the table that
 * docs/audio-fingerprint.md reports. Needs Debian's espeak-ng and ffmpeg (skips without, fails under CI=true).
 */
class AudioFingerprintRobustnessTest {
    @TempDir
    static Path dir;

    private static final AudioFingerprinter FP = new AudioFingerprinter();
    private static final AudioMatcher MATCHER = new AudioMatcher();
    private static final Map<String, AudioFingerprint> ORIGINALS = new LinkedHashMap<>();
    private static final Map<String, Map<String, AudioFingerprint>> VARIANTS = new LinkedHashMap<>();

    @BeforeAll
    static void synthesise() throws Exception {
        SpeechCorpus.make(dir);
        for (SpeechCorpus.Clip c : SpeechCorpus.CLIPS) {
            ORIGINALS.put(c.id(), fingerprint(SpeechCorpus.original(dir, c)));
            Map<String, AudioFingerprint> vs = new LinkedHashMap<>();
            for (SpeechCorpus.Variant v : SpeechCorpus.VARIANTS)
                vs.put(v.name(), fingerprint(SpeechCorpus.decoded(dir, c, v)));
            VARIANTS.put(c.id(), vs);
        }
    }

    static AudioFingerprint fingerprint(Path wav) throws Exception {
        DecodedAudio a = SpeechCorpus.read(wav);
        return FP.fingerprint(a.samples(), a.sampleRate());
    }

    @Test
    void clipsAreSpeechOfTheIntendedLength() {
        for (var e : ORIGINALS.entrySet()) {
            assertThat(e.getValue().durationSeconds()).as(e.getKey()).isBetween(9.0, 20.0);
            assertThat(e.getValue().strongCount())
                    .as("%s has pauses but is mostly speech", e.getKey())
                    .isGreaterThan(e.getValue().count() / 2);
        }
    }

    @Test
    void everyCopyMatchesItsOriginalAtTheRightOffset() {
        StringBuilder table = new StringBuilder("\ncopy vs original (BER; offset s):\n");
        table.append(String.format(
                Locale.ROOT,
                "%-14s %8s %8s %8s %10s   %s%n",
                "transformation",
                "mean BER",
                "max BER",
                "max |Δt|",
                "min chance",
                "per clip"));
        for (SpeechCorpus.Variant v : SpeechCorpus.VARIANTS) {
            List<Double> bers = new ArrayList<>();
            double worstDt = 0, minChance = 1;
            StringBuilder per = new StringBuilder();
            for (SpeechCorpus.Clip c : SpeechCorpus.CLIPS) {
                AudioMatch m = MATCHER.compare(VARIANTS.get(c.id()).get(v.name()), ORIGINALS.get(c.id()));
                assertThat(m.verdict()).as("%s %s: %s", c.id(), v.name(), m).isEqualTo(AudioMatch.Verdict.MATCH);
                double dt = Math.abs(m.offsetSeconds() - v.offsetSeconds());
                assertThat(dt)
                        .as("%s %s offset: %s", c.id(), v.name(), m)
                        .isLessThanOrEqualTo(1.5 * AudioFingerprint.SECONDS_PER_ITEM);
                assertThat(m.overlapSeconds())
                        .as("%s %s overlap", c.id(), v.name())
                        .isCloseTo(
                                ORIGINALS.get(c.id()).durationSeconds() - v.offsetSeconds(),
                                org.assertj.core.data.Offset.offset(0.3));
                bers.add(m.bitErrorRate());
                worstDt = Math.max(worstDt, dt);
                minChance = Math.min(minChance, m.chanceBitErrorRate());
                per.append(String.format(Locale.ROOT, " %.3f", m.bitErrorRate()));
            }
            table.append(String.format(
                    Locale.ROOT,
                    "%-14s %8.3f %8.3f %8.3f %10.3f  %s%n",
                    v.name(),
                    bers.stream().mapToDouble(d -> d).average().orElseThrow(),
                    bers.stream().mapToDouble(d -> d).max().orElseThrow(),
                    worstDt,
                    minChance,
                    per));
        }
        System.out.print(table);
    }

    @Test
    void differentClipsNeverMatch() {
        int pairs = 0, falseMatches = 0;
        double min = 1, sum = 0, minOtherSentence = 1, minSameSentence = 1;
        List<String> failures = new ArrayList<>();
        java.util.TreeMap<Double, String> lowest = new java.util.TreeMap<>();
        for (SpeechCorpus.Clip query : SpeechCorpus.CLIPS) {
            Map<String, AudioFingerprint> queries = new LinkedHashMap<>(Map.of("original", ORIGINALS.get(query.id())));
            queries.putAll(VARIANTS.get(query.id()));
            for (SpeechCorpus.Clip ref : SpeechCorpus.CLIPS) {
                if (ref == query) continue;
                for (var q : queries.entrySet()) {
                    AudioMatch m = MATCHER.compare(q.getValue(), ORIGINALS.get(ref.id()));
                    pairs++;
                    String what = query.id() + " " + q.getKey() + " vs " + ref.id() + ": " + m;
                    if (m.verdict() != AudioMatch.Verdict.NO_MATCH) failures.add(what);
                    if (m.matched()) falseMatches++;
                    lowest.put(m.bitErrorRate(), what);
                    min = Math.min(min, m.bitErrorRate());
                    if (query.text().equals(ref.text())) minSameSentence = Math.min(minSameSentence, m.bitErrorRate());
                    else minOtherSentence = Math.min(minOtherSentence, m.bitErrorRate());
                    sum += m.bitErrorRate();
                }
            }
        }
        lowest.entrySet().stream()
                .limit(3)
                .forEach(e ->
                        System.out.printf(Locale.ROOT, "  lowest unrelated BER %.3f  %s%n", e.getKey(), e.getValue()));
        System.out.printf(
                Locale.ROOT,
                "  lowest BER, different sentence: %.3f; same sentence, other voice: %.3f%n",
                minOtherSentence,
                minSameSentence);
        System.out.printf(
                Locale.ROOT,
                "%nunrelated pairs: %d, false matches: %d, BER min %.3f mean %.3f (threshold %.2f)%n",
                pairs,
                falseMatches,
                min,
                sum / pairs,
                AudioMatcher.DEFAULT_MAX_BIT_ERROR_RATE);
        assertThat(failures)
                .as("pairs of different clips that did not come out NO_MATCH")
                .isEmpty();
        assertThat(pairs)
                .isEqualTo(SpeechCorpus.CLIPS.size()
                        * (SpeechCorpus.CLIPS.size() - 1)
                        * (1 + SpeechCorpus.VARIANTS.size()));
    }
}

package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VpdqMatcherTest {
    private static Hash256 random(Random r) {
        return Hash256.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    /** Flips {@code bits} distinct random bits. */
    private static Hash256 noisy(Hash256 h, int bits, Random r) {
        boolean[] b = new boolean[256];
        for (int i = 0; i < 256; i++) b[i] = h.bit(i);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < 256; i++) idx.add(i);
        java.util.Collections.shuffle(idx, r);
        for (int i = 0; i < bits; i++) b[idx.get(i)] = !b[idx.get(i)];
        return Hash256.fromBits(b);
    }

    private static List<VpdqFrame> video(int seconds, Random r) {
        List<VpdqFrame> out = new ArrayList<>();
        for (int s = 0; s < seconds; s++) out.add(new VpdqFrame(s * 30L, s, random(r), 100));
        return out;
    }

    /** Query = stored seconds [from, from+len) with noise, renumbered from 0. */
    private static List<VpdqFrame> excerpt(List<VpdqFrame> stored, int from, int len, double queryStart, Random r) {
        List<VpdqFrame> out = new ArrayList<>();
        for (int i = 0; i < len; i++)
            out.add(new VpdqFrame(
                    Math.round((queryStart + i) * 25),
                    queryStart + i,
                    noisy(stored.get(from + i).hash(), 12, r),
                    90));
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aClipIsFoundAndLocatedWithBothPercentages(long seed) {
        Random r = new Random(seed);
        List<VpdqFrame> stored = video(180, r);
        int from = 20 + r.nextInt(140);
        List<VpdqFrame> query = excerpt(stored, from, 20, 0, r);
        VpdqMatch m = VpdqMatcher.defaults().match(query, stored);
        assertThat(m.queryMatchPercent()).isEqualTo(100.0);
        assertThat(m.storedMatchPercent()).isCloseTo(100.0 * 20 / 180, within(1e-9));
        assertThat(m.segments()).hasSize(1);
        VpdqSegment s = m.segments().get(0);
        assertThat(s.storedStart()).isEqualTo(from);
        assertThat(s.storedEnd()).isEqualTo(from + 19);
        assertThat(s.queryStart()).isZero();
        assertThat(s.matchedFrames()).isEqualTo(20);
        assertThat(m.matches(80, 0)).isTrue();
        assertThat(m.matches(0, 80)).isFalse();
    }

    @Test
    void aCompilationOfTwoExcerptsGivesTwoSegments() {
        Random r = new Random(7);
        List<VpdqFrame> stored = video(180, r);
        List<VpdqFrame> query = new ArrayList<>(excerpt(stored, 100, 10, 0, r));
        query.addAll(excerpt(stored, 30, 8, 10, r));
        VpdqMatch m = VpdqMatcher.defaults().match(query, stored);
        assertThat(m.segments())
                .extracting(VpdqSegment::storedStart, VpdqSegment::queryStart, VpdqSegment::matchedFrames)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(100.0, 0.0, 10),
                        org.assertj.core.groups.Tuple.tuple(30.0, 10.0, 8));
        assertThat(m.segments().get(1).offsetSeconds()).isEqualTo(20.0);
    }

    @Test
    void unrelatedVideosShareNothing() {
        Random r = new Random(9);
        VpdqMatch m = VpdqMatcher.defaults().match(video(30, r), video(60, r));
        assertThat(m.queryMatchPercent()).isZero();
        assertThat(m.storedMatchPercent()).isZero();
        assertThat(m.segments()).isEmpty();
    }

    @Test
    void theRulesDifferOnDistance31AndOnDuplicates() {
        Random r = new Random(11);
        Hash256 a = random(r), far = random(r);
        List<VpdqFrame> stored = List.of(new VpdqFrame(0, 0, a, 100));
        List<VpdqFrame> query = List.of(
                new VpdqFrame(0, 0, noisy(a, 31, r), 100),
                new VpdqFrame(1, 1, far, 100),
                new VpdqFrame(2, 2, far, 100));
        VpdqMatch readme =
                new VpdqMatcher(31, VpdqMatchRule.README_UNIQUE_HASHES, VpdqAligner.defaults()).match(query, stored);
        VpdqMatch cpp = new VpdqMatcher(31, VpdqMatchRule.CPP_BRUTE, VpdqAligner.defaults()).match(query, stored);
        assertThat(readme.queryMatchPercent()).isEqualTo(50.0); // 2 unique hashes, one at distance 31
        assertThat(cpp.queryMatchPercent()).isZero(); // 31 is not < 31; 3 frames kept
        assertThat(readme.storedMatchPercent()).isEqualTo(100.0);
    }

    @Test
    void lowQualityFramesAreIgnoredOnBothSides() {
        Random r = new Random(13);
        Hash256 a = random(r);
        VpdqMatch m = VpdqMatcher.defaults()
                .match(
                        List.of(new VpdqFrame(0, 0, a, 49), new VpdqFrame(1, 1, random(r), 80)),
                        List.of(new VpdqFrame(0, 0, a, 100)));
        assertThat(m.queryMatchPercent()).isZero();
        assertThat(m.storedMatchPercent()).isZero();
    }

    @Test
    void samplingFrameModTruncatesLikeTheReference() {
        assertThat(VpdqSampling.ONE_PER_SECOND.frameMod(30)).isEqualTo(30);
        assertThat(VpdqSampling.ONE_PER_SECOND.frameMod(29.97)).isEqualTo(29);
        assertThat(VpdqSampling.EVERY_FRAME.frameMod(30)).isEqualTo(1);
        assertThat(new VpdqSampling(0.01, 0).frameMod(30)).isEqualTo(1);
        assertThat(VpdqSampling.perSecond(2).frameMod(30)).isEqualTo(15);
    }

    @Test
    void referenceLinesRoundTrip() {
        String line = "0,100,e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,0.000";
        assertThat(VpdqFrame.parseReferenceLine(line).toReferenceLine()).isEqualTo(line);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VpdqFrame.parseReferenceLine("1,2,3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 fields");
    }
}

package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast boolean decoder (56-bit window, range kept minus one, branch-free sign) against the
 * plain decoder of RFC 6386 §7.3, a two-byte window normalised one bit at a time, which is kept
 * here as the oracle; and both against §7.3's encoder, so that the oracle itself is checked.
 * Random streams start below 0xFF: no encoder writes a first byte of 0xFF (the decoder's value
 * stays below range · 2^8, 0xFF00 at the start), and on such a stream the spec's decoder and
 * libwebp's, which this one follows, part ways; that only has to be safe (WebpRobustnessTest).
 */
class Vp8BoolDecoderTest {
    /** §7.3 bool_decoder, as the RFC writes it; past the end of the data it reads zeros, as libwebp does. */
    private static final class Plain {
        private final byte[] d;
        private int pos, value, range = 255, bitCount;

        Plain(byte[] d) {
            this.d = d;
            value = next() << 8 | next();
        }

        private int next() {
            return pos < d.length ? d[pos++] & 0xFF : (pos++ & 0);
        }

        int bit(int prob) {
            int split = 1 + (((range - 1) * prob) >> 8), bigSplit = split << 8, one;
            if (value >= bigSplit) {
                one = 1;
                range -= split;
                value -= bigSplit;
            } else {
                one = 0;
                range = split;
            }
            while (range < 128) {
                value <<= 1;
                range <<= 1;
                if (++bitCount == 8) {
                    bitCount = 0;
                    value |= next();
                }
            }
            return one;
        }
    }

    /** §7.3 bool_encoder (with its carry propagation), to make streams whose decisions are known. */
    private static final class Encoder {
        private final byte[] out = new byte[1 << 16];
        private int n, range = 255, bottom, bitCount = 24;

        void bit(int prob, int one) {
            int split = 1 + (((range - 1) * prob) >> 8);
            if (one != 0) {
                bottom += split;
                range -= split;
            } else {
                range = split;
            }
            while (range < 128) {
                range <<= 1;
                if ((bottom & (1 << 31)) != 0) carry();
                bottom <<= 1;
                if (--bitCount == 0) {
                    out[n++] = (byte) (bottom >>> 24);
                    bottom &= (1 << 24) - 1;
                    bitCount = 8;
                }
            }
        }

        private void carry() {
            int i = n - 1;
            while (i >= 0 && out[i] == (byte) 0xFF) out[i--] = 0;
            out[i]++;
        }

        byte[] finish() {
            for (int i = 0; i < 32; i++) bit(128, 0);
            return java.util.Arrays.copyOf(out, n);
        }
    }

    @Test
    void decisionsSignsAndLiteralsEqualThePlainDecoderOnRandomBytes() {
        Random r = new Random(6386);
        for (int trial = 0; trial < 400; trial++) {
            byte[] data = new byte[r.nextInt(trial < 20 ? 8 : 300)];
            r.nextBytes(data);
            if (trial % 7 == 0)
                java.util.Arrays.fill(
                        data, (byte) (trial % 2 == 0 ? 0 : 0xFF)); // runs that stress carries and normalisation
            encodable(data);
            Vp8BoolDecoder fast = new Vp8BoolDecoder(data, 0, data.length);
            Plain plain = new Plain(data);
            for (int i = 0; i < 8 * data.length + 200; i++) { // runs past the end: both must read zeros
                switch (r.nextInt(4)) {
                    case 0 -> {
                        int v = 1 + r.nextInt(2048);
                        assertThat(fast.signed(v))
                                .as("trial %d decision %d: sign", trial, i)
                                .isEqualTo(plain.bit(128) == 1 ? -v : v);
                    }
                    case 1 -> {
                        int bits = 1 + r.nextInt(8), expected = 0;
                        for (int k = 0; k < bits; k++) expected = expected << 1 | plain.bit(128);
                        assertThat(fast.literal(bits))
                                .as("trial %d decision %d: literal", trial, i)
                                .isEqualTo(expected);
                    }
                    default -> {
                        int prob = trial % 5 == 0 ? (r.nextBoolean() ? 1 : 255) : 1 + r.nextInt(255);
                        assertThat(fast.bit(prob))
                                .as("trial %d decision %d at p=%d", trial, i, prob)
                                .isEqualTo(plain.bit(prob));
                    }
                }
            }
        }
    }

    @Test
    void aSignAsTheFirstDecisionOfAPartitionIsRight() {
        // The one state (range 255) where a decision at 1/2 may need no normalisation.
        for (int first = 0; first < 255; first++) {
            byte[] data = {(byte) first, 0x5A, (byte) 0xC3, 0x0F};
            Vp8BoolDecoder fast = new Vp8BoolDecoder(data, 0, data.length);
            Plain plain = new Plain(data);
            assertThat(fast.signed(7)).as("first byte %d", first).isEqualTo(plain.bit(128) == 1 ? -7 : 7);
            for (int i = 0; i < 40; i++)
                assertThat(fast.bit(1 + (i * 37) % 255)).isEqualTo(plain.bit(1 + (i * 37) % 255));
        }
    }

    /** Lowers a first byte of 0xFF, which no encoder writes (class comment). */
    static void encodable(byte[] data) {
        if (data.length > 0 && data[0] == (byte) 0xFF) data[0] = (byte) 0xFE;
    }

    @Test
    void encodedDecisionsDecodeBackThroughBothDecoders() {
        Random r = new Random(7);
        Encoder e = new Encoder();
        int[] probs = new int[20_000], bits = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = 1 + r.nextInt(255);
            bits[i] = r.nextInt(256) >= probs[i] ? 1 : 0; // skewed as the probabilities say, as real streams are
            e.bit(probs[i], bits[i]);
        }
        byte[] data = e.finish();
        Vp8BoolDecoder fast = new Vp8BoolDecoder(data, 0, data.length);
        Plain plain = new Plain(data);
        for (int i = 0; i < probs.length; i++) {
            assertThat(plain.bit(probs[i])).as("plain decoder, decision %d", i).isEqualTo(bits[i]);
            assertThat(fast.bit(probs[i])).as("fast decoder, decision %d", i).isEqualTo(bits[i]);
        }
    }
}

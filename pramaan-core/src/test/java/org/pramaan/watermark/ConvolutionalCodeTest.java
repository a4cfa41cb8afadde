package org.pramaan.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvolutionalCodeTest {
    private static double[] soft(int[] coded) {
        double[] s = new double[coded.length];
        for (int i = 0; i < coded.length; i++) s[i] = coded[i] == 1 ? 1 : -1;
        return s;
    }

    @Test
    void randomPayloadsRoundTrip() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            int p = r.nextInt();
            assertEquals(p, ConvolutionalCode.decode(soft(ConvolutionalCode.encode(p))), Integer.toHexString(p));
        }
        assertEquals(0, ConvolutionalCode.decode(soft(ConvolutionalCode.encode(0))));
        assertEquals(-1, ConvolutionalCode.decode(soft(ConvolutionalCode.encode(-1))));
    }

    @Test
    void knownCodewordOfTheStandardGenerators() {
        // a single 1 followed by zeros gives the generators' impulse response: 171₈ = 1111001, 133₈ = 1011011
        int[] c = ConvolutionalCode.encode(Integer.MIN_VALUE);
        StringBuilder g1 = new StringBuilder(), g2 = new StringBuilder();
        for (int t = 0; t < 7; t++) {
            g1.append(c[2 * t]);
            g2.append(c[2 * t + 1]);
        }
        assertEquals("1111001", g1.toString());
        assertEquals("1011011", g2.toString());
        assertEquals(76, c.length);
    }

    @Test
    void correctsScatteredHardErrorsAndUsesSoftConfidence() {
        int p = 0x5EED_C0DE;
        double[] s = soft(ConvolutionalCode.encode(p));
        for (int i : new int[] {1, 18, 35, 52, 70})
            s[i] = -s[i]; // five hard errors, spread beyond the constraint length
        assertEquals(p, ConvolutionalCode.decode(s));

        double[] weak = soft(ConvolutionalCode.encode(p));
        for (int i = 10; i < 18; i++) weak[i] = -0.2 * weak[i]; // a burst of 8 wrong but unconfident values
        assertEquals(p, ConvolutionalCode.decode(weak));
    }

    @Test
    void refusesWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> ConvolutionalCode.decode(new double[75]));
    }
}

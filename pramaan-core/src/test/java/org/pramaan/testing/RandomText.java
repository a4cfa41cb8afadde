package org.pramaan.testing;

import java.util.Random;

/** Random text made of the tokens that matter to a matcher, for differential tests of plain-code scanners against their old regex oracles. */
public final class RandomText {
    private RandomText() {}

    /** Up to {@code parts} tokens drawn from {@code tokens}, concatenated. */
    public static String of(Random random, String[] tokens, int parts) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(parts + 1);
        for (int i = 0; i < n; i++) b.append(tokens[random.nextInt(tokens.length)]);
        return b.toString();
    }
}

package org.pramaan.likeness;

import java.util.Locale;

/**
 * What an enrolled embedding describes. Only faces today; a {@code VOICE} constant (speaker
 * embeddings from voice samples, issue 16) is the planned addition, stored in the same rows.
 */
public enum LikenessModality {
    FACE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

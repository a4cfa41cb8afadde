package org.pramaan.likeness;

import java.util.Locale;

/**
 * What an enrolled embedding describes: a face (from a reference image) or a voice (a speaker
 * embedding from a voice sample, issue 16). Both are stored in the same rows, so adding voices needed
 * no migration; vectors of different modalities are never compared.
 */
public enum LikenessModality {
    FACE,
    VOICE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

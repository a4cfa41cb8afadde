package org.pramaan.labels;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The explicit text marker (GB 45438-2025 §4 for text: at the start, the end or a suitable place in the
 * middle; IT Rules r.3(3)(a) as amended by G.S.R. 120(E): visibly labelled), in the profile's language.
 */
public final class TextLabeller {
    /** Generated text larger than this is not labelled in one request. */
    public static final int MAX_BYTES = 1024 * 1024;

    private TextLabeller() {}

    /** Whether {@code file} reads as UTF-8 text (no byte-order problems, no C0 controls but tab, CR, LF). */
    public static boolean isText(byte[] file) {
        if (file.length == 0 || file.length > MAX_BYTES) return false;
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
            return s.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** {@code content} with the marker where the profile puts it; a marker already there is not added twice. */
    public static String apply(String content, LabelProfile profile, String language) {
        if (content.length() > MAX_BYTES)
            throw new IllegalArgumentException(
                    "text: at most " + MAX_BYTES + " characters are labelled, got " + content.length());
        if (content.isBlank()) throw new IllegalArgumentException("text: the content to label is empty");
        String marker = profile.text().marker().get(language);
        if (marker == null)
            throw new IllegalArgumentException(
                    "language: profile " + profile.jurisdiction() + " has no text marker in '" + language + "'; it has "
                            + profile.text().marker().keySet());
        String out = content;
        LabelProfile.TextPlacement p = profile.text().placement();
        if (p != LabelProfile.TextPlacement.END && !out.startsWith(marker)) out = marker + "\n" + out;
        if (p != LabelProfile.TextPlacement.START && !out.stripTrailing().endsWith(marker))
            out = out + (out.endsWith("\n") ? "" : "\n") + marker + "\n";
        return out;
    }
}

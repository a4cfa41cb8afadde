package org.pramaan.labels;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fonts labels are drawn with, shipped in the jar ({@code labels/fonts/}, SIL OFL 1.1, see
 * {@code OFL.txt} there) and never fetched at run time: Noto Sans (Latin), Noto Sans Devanagari and a
 * GB 2312 subset of Noto Sans CJK SC. Each character is drawn with the first font that has a glyph
 * for it, so a mixed label (Hindi with Latin "AI") uses both.
 */
public final class LabelFonts {
    private static final List<String> FILES =
            List.of("NotoSans-Regular.ttf", "NotoSansDevanagari-Regular.ttf", "NotoSansSC-GB2312.otf");

    private static final List<Font> FONTS = load();

    private LabelFonts() {}

    /** The bundled fonts, in the order they are tried. */
    public static List<Font> all() {
        return FONTS;
    }

    /** The first bundled font with a glyph for {@code codePoint}. */
    public static Optional<Font> forCodePoint(int codePoint) {
        for (Font f : FONTS) if (f.canDisplay(codePoint)) return Optional.of(f);
        return Optional.empty();
    }

    /**
     * Refuses text with a character no bundled font can draw, instead of drawing an empty box ("tofu")
     * that a reader cannot read as a label.
     */
    static void checkCoverage(String text, String field) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            // Joiners and spaces have no ink of their own; the shaper consumes them.
            if (!Character.isWhitespace(c)
                    && c != 0x200C
                    && c != 0x200D
                    && forCodePoint(c).isEmpty())
                throw new IllegalArgumentException(String.format(
                        "%s: no bundled font can draw U+%04X (%s); bundled: Latin, Devanagari, CJK (GB 2312)",
                        field, c, new String(Character.toChars(c))));
            i += Character.charCount(c);
        }
    }

    private static List<Font> load() {
        List<Font> out = new ArrayList<>();
        for (String f : FILES) {
            String name = "/labels/fonts/" + f;
            try (InputStream in = LabelFonts.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("bundled font missing: " + name);
                out.add(Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("cannot load bundled font " + name, e);
            }
        }
        return List.copyOf(out);
    }
}

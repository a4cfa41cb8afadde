package org.pramaan.labels;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.util.Optional;

/**
 * Draws a visible label on a picture: the text (and an optional operator icon) at an edge or corner,
 * the rendered glyphs at least {@code minTextHeight} of the shorter side tall (GB 45438-2025 §4 for
 * images: 5 %), in white or black, whichever contrasts more with the pixels under it, over a
 * semi-opaque plate of the other colour when the pixels alone cannot give WCAG 2.2 SC 1.4.3's 4.5:1.
 */
public final class ImageLabeller {
    /**
     * The contrast aimed at: above 4.5:1 so that JPEG re-encoding, which moves colours by a few levels,
     * still leaves at least 4.5:1 in the decoded output.
     */
    static final double TARGET_CONTRAST = 5.0;

    /**
     * What was drawn, measured on the pixels (not on the request).
     *
     * @param area           the label's whole area (plate or glyphs and icon), in image pixels
     * @param glyphs         the bounds of the rendered glyphs
     * @param requiredHeight the profile's minimum text height in pixels
     * @param textColour     0xFFFFFF or 0x000000
     * @param plateOpacity   0 when no plate was needed
     * @param contrast       the worst WCAG contrast between the text colour and any pixel under the label
     */
    public record Drawn(
            Rectangle area,
            Rectangle glyphs,
            int requiredHeight,
            int textColour,
            double plateOpacity,
            double contrast) {}

    private ImageLabeller() {}

    /**
     * Draws {@code text} on {@code image} (changed in place).
     *
     * @throws IllegalArgumentException when the label at its minimum size does not fit the picture
     */
    public static Drawn draw(
            BufferedImage image,
            String text,
            LabelProfile.Position position,
            double minTextHeight,
            Optional<BufferedImage> icon) {
        return drawOver(image, java.util.List.of(image), text, position, minTextHeight, icon);
    }

    /**
     * Draws the label on {@code canvas} (for video: a transparent overlay the size of a frame), choosing
     * colours and plate against the pixels of every picture in {@code under} (sampled frames), so the
     * label keeps its contrast over all of them.
     */
    public static Drawn drawOver(
            BufferedImage canvas,
            java.util.List<BufferedImage> under,
            String text,
            LabelProfile.Position position,
            double minTextHeight,
            Optional<BufferedImage> icon) {
        BufferedImage image = canvas;
        VisibleText.check(text, "text");
        LabelFonts.checkCoverage(text, "text");
        int w = image.getWidth();
        int h = image.getHeight();
        int shorter = Math.min(w, h);
        int required = Math.max(1, (int) Math.ceil(minTextHeight * shorter));
        FontRenderContext frc = new FontRenderContext(null, true, true);
        TextLayout layout = fit(text, required, frc);
        Rectangle2D g = layout.getOutline(null).getBounds2D();
        int pad = Math.max(2, (int) Math.round(required * 0.3));
        int margin = Math.max(2, (int) Math.round(shorter * 0.02));
        int glyphW = (int) Math.ceil(g.getWidth());
        int glyphH = (int) Math.ceil(g.getHeight());
        int iconW = icon.map(i -> (int) Math.round(i.getWidth() * (double) glyphH / Math.max(1, i.getHeight())))
                .orElse(0);
        int gap = icon.isPresent() ? pad : 0;
        int boxW = pad + iconW + gap + glyphW + pad;
        int boxH = pad + glyphH + pad;
        if (boxW > w - 2 * margin || boxH > h - 2 * margin)
            throw new IllegalArgumentException(String.format(
                    "text: the label needs %d×%d px at its minimum height of %d px (%.0f %% of the shorter side),"
                            + " the %d×%d picture has room for %d×%d; use a shorter text",
                    boxW, boxH, required, minTextHeight * 100, w, h, w - 2 * margin, h - 2 * margin));
        int x = switch (position) {
            case TOP_LEFT, LEFT, BOTTOM_LEFT -> margin;
            case TOP, BOTTOM -> (w - boxW) / 2;
            case TOP_RIGHT, RIGHT, BOTTOM_RIGHT -> w - margin - boxW;
        };
        int y = switch (position) {
            case TOP_LEFT, TOP, TOP_RIGHT -> margin;
            case LEFT, RIGHT -> (h - boxH) / 2;
            case BOTTOM_LEFT, BOTTOM, BOTTOM_RIGHT -> h - margin - boxH;
        };
        Rectangle box = new Rectangle(x, y, boxW, boxH);
        int[] pixels = new int[under.size() * boxW * boxH];
        for (int i = 0; i < under.size(); i++) under.get(i).getRGB(x, y, boxW, boxH, pixels, i * boxW * boxH, boxW);
        Choice c = choose(pixels);
        Graphics2D gr = image.createGraphics();
        try {
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            gr.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            if (c.alpha > 0) {
                gr.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) c.alpha));
                gr.setColor(new Color(c.plate));
                gr.fillRect(x, y, boxW, boxH);
                gr.setComposite(AlphaComposite.SrcOver);
            }
            icon.ifPresent(i -> gr.drawImage(i, x + pad, y + pad, iconW, glyphH, null));
            gr.setColor(new Color(c.text));
            float tx = (float) (x + pad + iconW + gap - g.getX());
            float ty = (float) (y + pad - g.getY());
            layout.draw(gr, tx, ty);
        } finally {
            gr.dispose();
        }
        Rectangle glyphs = new Rectangle(x + pad + iconW + gap, y + pad, glyphW, glyphH);
        return new Drawn(box, glyphs, required, c.text, c.alpha, c.contrast);
    }

    /** The text laid out with the bundled fonts at the smallest size whose glyph bounds are ≥ {@code height} px. */
    static TextLayout fit(String text, int height, FontRenderContext frc) {
        float size = height;
        TextLayout l = layout(text, size, frc);
        double measured = l.getOutline(null).getBounds2D().getHeight();
        if (measured <= 0) throw new IllegalArgumentException("text: the label has no visible glyphs");
        size = (float) Math.ceil(size * height / measured);
        for (int i = 0; i < 50; i++, size += 0.5f) {
            l = layout(text, size, frc);
            if (l.getOutline(null).getBounds2D().getHeight() >= height) return l;
        }
        throw new IllegalStateException("could not size the label to " + height + " px");
    }

    private static TextLayout layout(String text, float size, FontRenderContext frc) {
        AttributedString s = new AttributedString(text);
        int i = 0;
        while (i < text.length()) {
            Font f = LabelFonts.forCodePoint(text.codePointAt(i))
                    .orElse(LabelFonts.all().get(0));
            int j = i + Character.charCount(text.codePointAt(i));
            // A run continues while the next character's font is the same or it needs none (spaces, joiners).
            while (j < text.length()) {
                int cp = text.codePointAt(j);
                Optional<Font> next = LabelFonts.forCodePoint(cp);
                if (next.isPresent() && !next.get().equals(f) && !f.canDisplay(cp)) break;
                j += Character.charCount(cp);
            }
            s.addAttribute(TextAttribute.FONT, f.deriveFont(size), i, j);
            i = j;
        }
        return new TextLayout(s.getIterator(), frc);
    }

    record Choice(int text, int plate, double alpha, double contrast) {}

    /** White or black text, and the least plate opacity (steps of 5 %) that gives the target everywhere. */
    static Choice choose(int[] under) {
        Choice best = null;
        for (int text : new int[] {0xFFFFFF, 0x000000}) {
            int plate = text ^ 0xFFFFFF;
            for (int step = 0; step <= 20; step++) {
                double alpha = step * 0.05;
                double worst = worst(under, text, plate, alpha);
                if (worst >= TARGET_CONTRAST || step == 20) {
                    Choice c = new Choice(text, plate, alpha, worst);
                    if (best == null || c.alpha < best.alpha || (c.alpha == best.alpha && c.contrast > best.contrast))
                        best = c;
                    break;
                }
            }
        }
        return best;
    }

    /** The lowest contrast between {@code text} and any pixel of {@code under} seen through the plate. */
    static double worst(int[] under, int text, int plate, double alpha) {
        double lt = Contrast.luminance(text);
        double worst = Double.MAX_VALUE;
        for (int p : under) {
            int seen = alpha == 0 ? p & 0xFFFFFF : Contrast.over(p, plate, alpha);
            worst = Math.min(worst, Contrast.ratio(lt, Contrast.luminance(seen)));
        }
        return worst;
    }
}

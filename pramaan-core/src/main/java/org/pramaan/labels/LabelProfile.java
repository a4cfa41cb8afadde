package org.pramaan.labels;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One jurisdiction's explicit-label rules, read from {@code labels/profiles/<J>.json} (rules are data,
 * DEV-GUIDELINES 3); every rule carries the clause it comes from in {@code source}.
 *
 * @param required        whether the jurisdiction requires a visible label at all (US: no, an option)
 * @param defaultLanguage the language used when the caller names none
 */
public record LabelProfile(
        String jurisdiction,
        String title,
        boolean required,
        String source,
        String defaultLanguage,
        Visual image,
        Video video,
        Audio audio,
        TextMarker text,
        Rule unlabelledExport,
        Rule filingNumber) {

    public LabelProfile {
        if (!image.text().containsKey(defaultLanguage))
            throw new IllegalArgumentException(
                    "profile " + jurisdiction + ": image.text has no '" + defaultLanguage + "' (the default language)");
    }

    /** The languages the profile has label text for. */
    public List<String> languages() {
        return List.copyOf(image.text().keySet());
    }

    /** The image label text in {@code language}, or empty when the profile has none in it. */
    public Optional<String> imageText(String language) {
        return Optional.ofNullable(image.text().get(language));
    }

    /** An edge or corner of the picture. */
    public enum Position {
        TOP_LEFT,
        TOP,
        TOP_RIGHT,
        LEFT,
        RIGHT,
        BOTTOM_LEFT,
        BOTTOM,
        BOTTOM_RIGHT;

        /** {@code bottom-right} → {@link #BOTTOM_RIGHT}; the message lists the accepted names. */
        public static Position parse(String wire) {
            for (Position p : values()) if (p.wire().equals(wire)) return p;
            throw new IllegalArgumentException("position must be one of " + wires() + ", got '" + wire + "'");
        }

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static List<String> wires() {
            return java.util.Arrays.stream(values()).map(Position::wire).toList();
        }
    }

    /**
     * A label drawn on pixels.
     *
     * @param text          label text per language (BCP 47 primary tag)
     * @param minTextHeight the smallest text height as a fraction of the picture's shorter side
     */
    public record Visual(Map<String, String> text, Position position, double minTextHeight, String source) {
        public Visual {
            text = Map.copyOf(text);
        }
    }

    /** When a video label shows: the opening {@code minSeconds} ({@code START}) or all the time. */
    public enum VideoDuration {
        START,
        CONTINUOUS
    }

    public record Video(Visual visual, VideoDuration duration, double minSeconds, String source) {}

    /** Where an audio prompt goes. */
    public enum AudioPlacement {
        START,
        MIDDLE,
        END
    }

    /**
     * The audio prompt and where it goes.
     *
     * @param prompt {@code rhythm-ai} (GB 45438 Morse-like "AI") is the only prompt Pramaan synthesises
     */
    public record Audio(String prompt, List<AudioPlacement> placement, String source) {
        public Audio {
            placement = List.copyOf(placement);
        }
    }

    /** Where a text marker goes. */
    public enum TextPlacement {
        START,
        END,
        START_AND_END
    }

    public record TextMarker(Map<String, String> marker, TextPlacement placement, String source) {
        public TextMarker {
            marker = Map.copyOf(marker);
        }
    }

    /** A yes/no rule with its source (unlabelled exports allowed, filing number shown). */
    public record Rule(boolean value, String source) {}
}

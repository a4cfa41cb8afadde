package org.pramaan.provenance.c2pa;

import java.util.List;

/**
 * IPTC digital source types (NewsCodes vocabulary {@code digitalsourcetype}), which C2PA 2.2 §18.14.2
 * requires on a {@code c2pa.created} action as the full URI. Short names map to that URI.
 */
public final class DigitalSourceType {
    public static final String PREFIX = "http://cv.iptc.org/newscodes/digitalsourcetype/";
    /** The current IPTC terms (vocabulary as of 2024-2025). */
    public static final List<String> NAMES = List.of(
            "digitalCapture",
            "computationalCapture",
            "negativeFilm",
            "positiveFilm",
            "print",
            "humanEdits",
            "compositeWithTrainedAlgorithmicMedia",
            "algorithmicallyEnhanced",
            "digitalCreation",
            "dataDrivenMedia",
            "trainedAlgorithmicMedia",
            "algorithmicMedia",
            "screenCapture",
            "virtualRecording",
            "composite",
            "compositeCapture",
            "compositeSynthetic");

    private DigitalSourceType() {}

    /** A short name ({@code trainedAlgorithmicMedia}) or a full IPTC URI; anything else is a clear error. */
    public static String resolve(String nameOrUri) {
        String s = nameOrUri.trim();
        String name = s.startsWith(PREFIX)
                ? s.substring(PREFIX.length())
                : s.startsWith("https://cv.iptc.org/newscodes/digitalsourcetype/") ? null : s;
        if (name == null)
            throw new IllegalArgumentException(
                    "digital source type URIs use http://, as IPTC publishes them: " + PREFIX + "…");
        for (String n : NAMES) if (n.equals(name)) return PREFIX + n;
        throw new IllegalArgumentException("unknown digital source type '" + nameOrUri + "'; one of "
                + String.join(", ", NAMES) + " (or the full " + PREFIX + "… URI)");
    }
}

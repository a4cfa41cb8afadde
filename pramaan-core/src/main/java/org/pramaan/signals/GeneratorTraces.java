package org.pramaan.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pramaan.provenance.MetadataBlocks;

/**
 * Traces that image generators leave in metadata. They are specific but unauthenticated and easily
 * stripped or forged, so they make a file suspected, never confirmed.
 */
public final class GeneratorTraces {
    /** Software names of AI generators (case-insensitive substrings) as they appear in EXIF/XMP. */
    static final List<String> AI_SOFTWARE = List.of(
            "firefly",
            "dall-e",
            "dall·e",
            "dalle",
            "midjourney",
            "stable diffusion",
            "stablediffusion",
            "novelai",
            "imagen",
            "chatgpt",
            "openai",
            "flux",
            "leonardo",
            "ideogram",
            "runway",
            "sora",
            "kling",
            "comfyui",
            "automatic1111",
            "invokeai",
            "fooocus",
            "dreamstudio",
            "bing image creator",
            "gemini",
            "grok",
            "hailuo",
            "pika",
            "krea");
    /**
     * The AUTOMATIC1111 parameter names read, in the order the former expression
     * {@code (Steps|Sampler|CFG scale|Seed|Size|Model|Model hash|Version): ([^,\n]+)} tried them; the text is
     * read from uploads, so it is scanned by plain code in one pass (issue 11).
     */
    private static final List<String> A1111_NAMES =
            List.of("Steps", "Sampler", "CFG scale", "Seed", "Size", "Model", "Model hash", "Version");

    private static final int PROMPT_PREVIEW = 200;

    private GeneratorTraces() {}

    public static boolean namesAiTool(String software) {
        String s = software.toLowerCase(Locale.ROOT);
        return AI_SOFTWARE.stream().anyMatch(s::contains);
    }

    public static List<Signal> fromText(List<MetadataBlocks.TextEntry> entries) {
        List<Signal> out = new ArrayList<>();
        for (MetadataBlocks.TextEntry t : entries) {
            switch (t.keyword()) {
                case "parameters" -> out.add(a1111(t.text(), t.location()));
                case "prompt", "workflow" ->
                    out.add(new Signal(
                            SignalType.GENERATOR_METADATA,
                            "ComfyUI",
                            SignalStrength.MODERATE,
                            t.location(),
                            Map.of("field", t.keyword(), "preview", preview(t.text()))));
                case "invokeai_metadata", "sd-metadata", "Dream" ->
                    out.add(new Signal(
                            SignalType.GENERATOR_METADATA,
                            "InvokeAI",
                            SignalStrength.MODERATE,
                            t.location(),
                            Map.of("field", t.keyword(), "preview", preview(t.text()))));
                case "Software" -> {
                    if (namesAiTool(t.text()))
                        out.add(new Signal(
                                SignalType.GENERATOR_METADATA,
                                t.text(),
                                SignalStrength.MODERATE,
                                t.location(),
                                Map.of("field", "Software")));
                }
                case "Description" -> { // Midjourney web downloads: prompt then "Job ID: <uuid>"
                    if (t.text().contains("Job ID:")) out.add(midjourney(t.text(), t.location()));
                }
                case "Comment" -> {
                    if (t.text().contains("\"steps\"") && t.text().contains("\"sampler\"")) {
                        out.add(new Signal(
                                SignalType.GENERATOR_METADATA,
                                "NovelAI",
                                SignalStrength.MODERATE,
                                t.location(),
                                Map.of("field", "Comment", "preview", preview(t.text()))));
                    }
                }
                default -> {}
            }
        }
        return out;
    }

    /** AUTOMATIC1111 writes "prompt\nNegative prompt: …\nSteps: 20, Sampler: …, Seed: …, Model: …". */
    public static Signal a1111(String text, String location) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String[] f : a1111Fields(text))
            attrs.putIfAbsent(f[0].toLowerCase(Locale.ROOT).replace(' ', '_'), f[1].trim());
        int cut = text.indexOf("\nNegative prompt:");
        if (cut < 0) cut = text.indexOf("\nSteps:");
        attrs.put("prompt", preview(cut < 0 ? text : text.substring(0, cut)));
        return new Signal(SignalType.GENERATOR_METADATA, "AUTOMATIC1111", SignalStrength.MODERATE, location, attrs);
    }

    /** Midjourney's description ends with {@code Job ID: <uuid>}; the id lets a reviewer ask Midjourney about the job. */
    public static Signal midjourney(String text, String location) {
        String rest = text.substring(text.indexOf("Job ID:") + 7).trim();
        String jobId = org.pramaan.limits.PlainText.firstWord(rest);
        return new Signal(
                SignalType.GENERATOR_METADATA,
                "Midjourney",
                SignalStrength.MODERATE,
                location,
                Map.of("jobId", jobId, "prompt", preview(text.substring(0, text.indexOf("Job ID:")))));
    }

    /** Each {@code name: value} pair, value up to the next comma or newline, left to right without overlaps. */
    public static List<String[]> a1111Fields(String text) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        outer:
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == 'S' || c == 'C' || c == 'M' || c == 'V') {
                for (String name : A1111_NAMES) {
                    int v = i + name.length() + 2;
                    if (!text.startsWith(name, i) || !text.startsWith(": ", i + name.length()) || v >= text.length())
                        continue;
                    int e = v;
                    while (e < text.length() && text.charAt(e) != ',' && text.charAt(e) != '\n') e++;
                    if (e == v) continue;
                    out.add(new String[] {name, text.substring(v, e)});
                    i = e;
                    continue outer;
                }
            }
            i++;
        }
        return out;
    }

    public static boolean looksLikeA1111(String text) {
        return text.contains("Steps: ") && text.contains("Sampler: ");
    }

    private static String preview(String s) {
        String t = s.strip();
        return t.length() <= PROMPT_PREVIEW ? t : t.substring(0, PROMPT_PREVIEW) + "…";
    }
}

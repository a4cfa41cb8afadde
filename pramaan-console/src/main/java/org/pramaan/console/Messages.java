package org.pramaan.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The console's texts per language, from {@code console/messages_<lang>.properties} (UTF-8), as the mail texts are
 * kept in {@code notify/messages_<lang>.properties}. Every key must exist in every language; a missing one stops
 * start-up rather than showing a reviewer a key name.
 */
public final class Messages {
    public static final List<String> LANGUAGES = List.of("en", "hi");
    private final String lang;
    private final Map<String, String> texts;

    private Messages(String lang, Map<String, String> texts) {
        this.lang = lang;
        this.texts = texts;
    }

    public String lang() {
        return lang;
    }

    /** The text for {@code key}; {@code {0}}, {@code {1}} … are replaced by {@code args} in order. */
    public String t(String key, Object... args) {
        String s = texts.get(key);
        if (s == null) throw new IllegalStateException("console messages_" + lang + " has no text for " + key);
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }

    public Set<String> keys() {
        return texts.keySet();
    }

    /** Both languages, checked to hold the same keys. */
    public static Map<String, Messages> load() {
        Map<String, Messages> all = new TreeMap<>();
        for (String l : LANGUAGES) all.put(l, new Messages(l, read(l)));
        Set<String> en = all.get("en").keys();
        for (Messages m : all.values())
            if (!m.keys().equals(en))
                throw new IllegalStateException("console messages_" + m.lang + " keys differ from messages_en");
        return Map.copyOf(all);
    }

    private static Map<String, String> read(String lang) {
        String resource = "/console/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}

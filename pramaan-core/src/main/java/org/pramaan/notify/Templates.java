package org.pramaan.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message texts per language, from {@code notify/messages_<lang>.properties} (UTF-8). Each
 * {@link MessageKind} has a {@code .subject} and a {@code .body}; {@code {name}} placeholders are
 * filled from the message's values, and a placeholder without a value is an error, never left
 * in a message to a person.
 */
public final class Templates {
    /** Languages with a complete set of texts (English; Hindi for India, IT Rules r.3(1)(b) user notices). */
    public static final List<String> LANGUAGES = List.of("en", "hi");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private final String language;
    private final Properties texts;

    private Templates(String language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Templates> LOADED =
            new java.util.concurrent.ConcurrentHashMap<>();

    public static Templates load(String language) {
        if (!LANGUAGES.contains(language))
            throw new IllegalArgumentException(
                    "no message texts for language '" + language + "'; available: " + LANGUAGES);
        return LOADED.computeIfAbsent(language, Templates::read);
    }

    private static Templates read(String language) {
        String resource = "/notify/messages_" + language + ".properties";
        Properties p = new Properties();
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return new Templates(language, p);
    }

    public String language() {
        return language;
    }

    /** A rendered message. */
    public record Message(String subject, String body) {}

    public Message render(MessageKind kind, Map<String, String> values) {
        return new Message(fill(text(kind, "subject"), values, kind), fill(text(kind, "body"), values, kind));
    }

    /** The placeholders a kind's texts use (for the completeness test across languages). */
    public Set<String> placeholders(MessageKind kind) {
        Set<String> names = new TreeSet<>();
        for (String part : List.of("subject", "body")) {
            Matcher m = PLACEHOLDER.matcher(text(kind, part));
            while (m.find()) names.add(m.group(1));
        }
        return names;
    }

    /** A short word used inside messages, e.g. {@code action.REMOVE}. */
    public String label(String key) {
        String t = texts.getProperty(key);
        if (t == null) throw new IllegalStateException("messages_" + language + " has no text for " + key);
        return t;
    }

    private String text(MessageKind kind, String part) {
        String key = kind.key() + "." + part;
        String t = texts.getProperty(key);
        if (t == null) throw new IllegalStateException("messages_" + language + " has no text for " + key);
        return t;
    }

    private String fill(String template, Map<String, String> values, MessageKind kind) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null)
                throw new IllegalStateException(
                        kind.key() + " (" + language + ") needs a value for {" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}

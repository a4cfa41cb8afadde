package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void englishAndHindiHoldTheSameKeysAndHindiIsTranslated() {
        Map<String, Messages> all = Messages.load();
        assertThat(all.get("hi").keys()).isEqualTo(all.get("en").keys());
        assertThat(all.get("hi").t("queue.title")).isEqualTo("खुले मामले");
        assertThat(all.get("en").t("queue.caption", 3)).isEqualTo("3 open cases, most urgent first");
    }

    /** Every key a template asks for exists (a missing one would fail only when that page renders). */
    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        var keys = new TreeSet<String>();
        List<Path> templates;
        try (var files = Files.list(Path.of("src/main/jte"))) {
            templates =
                    files.filter(f -> f.toString().endsWith(".jte")).sorted().toList();
        }
        assertThat(templates).hasSizeGreaterThan(15);
        for (Path t : templates) {
            String src = Files.readString(t, StandardCharsets.UTF_8);
            int i = 0;
            while ((i = src.indexOf("page.t(\"", i)) >= 0) {
                int from = i + 8;
                String key = src.substring(from, src.indexOf('"', from));
                // A key ending in '.' is a prefix the page completes at run time (banks.kind.<kind>);
                // BanksPagesTest checks those against their values.
                if (!key.endsWith(".")) keys.add(key);
                i = from;
            }
        }
        assertThat(keys).hasSizeGreaterThan(50).contains("queue.title", "case.act.confirm");
        Messages en = Messages.load().get("en");
        assertThat(en.keys()).containsAll(keys);
    }
}

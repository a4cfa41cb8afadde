package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        for (String t : new String[] {"layout", "signin", "error", "later", "preview", "queue", "case"}) {
            String src = Files.readString(Path.of("src/main/jte", t + ".jte"), StandardCharsets.UTF_8);
            int i = 0;
            while ((i = src.indexOf("page.t(\"", i)) >= 0) {
                int from = i + 8;
                keys.add(src.substring(from, src.indexOf('"', from)));
                i = from;
            }
        }
        assertThat(keys).hasSizeGreaterThan(50).contains("queue.title", "case.act.confirm");
        Messages en = Messages.load().get("en");
        assertThat(en.keys()).containsAll(keys);
    }
}

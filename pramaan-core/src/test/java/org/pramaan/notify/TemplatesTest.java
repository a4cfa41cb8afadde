package org.pramaan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.cases.CaseAction;

class TemplatesTest {
    static Map<String, String> allValues() {
        Map<String, String> v = new HashMap<>();
        for (String k : new String[] {
            "caseId", "article", "receivedAt", "deadline", "missing", "at", "decision", "reason", "territories", "until"
        }) v.put(k, "<" + k + ">");
        return v;
    }

    @Test
    void everyMessageHasTheSameTextsAndPlaceholdersInEveryLanguage() {
        Templates en = Templates.load("en");
        for (String lang : Templates.LANGUAGES) {
            Templates t = Templates.load(lang);
            for (MessageKind k : MessageKind.values()) {
                assertThat(t.placeholders(k)).as("%s in %s", k, lang).isEqualTo(en.placeholders(k));
                Templates.Message m = t.render(k, allValues());
                assertThat(m.subject())
                        .as("%s subject in %s", k, lang)
                        .isNotBlank()
                        .doesNotContain("{");
                assertThat(m.body())
                        .as("%s body in %s", k, lang)
                        .contains("<caseId>")
                        .doesNotContain("{");
            }
            for (CaseAction a : CaseAction.values()) {
                if (a.closesCase())
                    assertThat(t.label("action." + a.name()))
                            .as("%s in %s", a, lang)
                            .isNotBlank();
            }
            assertThat(t.label("action.RESTRICTION_REVERSED")).isNotBlank();
        }
    }

    @Test
    void hindiTextsAreInDevanagariNotEnglish() {
        Templates hi = Templates.load("hi");
        for (MessageKind k : MessageKind.values()) {
            String body = hi.render(k, allValues()).body();
            assertThat(body.codePoints().filter(c -> c >= 0x0900 && c <= 0x097F).count())
                    .as(k.name())
                    .isGreaterThan(20);
            assertThat(body)
                    .isNotEqualTo(Templates.load("en").render(k, allValues()).body());
        }
    }

    @Test
    void aPlaceholderWithoutAValueIsAnErrorNotLeftInTheMessage() {
        Map<String, String> v = allValues();
        v.remove("deadline");
        assertThatThrownBy(() -> Templates.load("en").render(MessageKind.ACKNOWLEDGEMENT, v))
                .hasMessageContaining("{deadline}");
        assertThatThrownBy(() -> Templates.load("fr")).hasMessageContaining("no message texts for language 'fr'");
    }
}

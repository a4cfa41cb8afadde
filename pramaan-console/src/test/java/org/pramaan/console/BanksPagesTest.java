package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;

class BanksPagesTest {
    /** Every text the Banks templates ask for exists in English and Hindi (a missing one fails only at render). */
    @Test
    void everyKeyTheBanksTemplatesUseExistsInBothLanguages() throws IOException {
        var keys = new TreeSet<String>();
        for (String t : new String[] {"banks", "bank", "bankimport"}) {
            String src = Files.readString(Path.of("src/main/jte", t + ".jte"), StandardCharsets.UTF_8);
            int i = 0;
            while ((i = src.indexOf("page.t(\"", i)) >= 0) {
                int from = i + 8;
                keys.add(src.substring(from, src.indexOf('"', from)));
                i = from;
            }
        }
        // Keys built from a value: every kind and state the back end has.
        for (org.pramaan.banks.BankKind k : org.pramaan.banks.BankKind.values()) keys.add("banks.kind." + k.wireName());
        for (org.pramaan.banks.BankState s : org.pramaan.banks.BankState.values())
            keys.add("banks.state." + s.name().toLowerCase(java.util.Locale.ROOT));
        keys.removeIf(k -> k.endsWith("."));
        assertThat(keys).hasSizeGreaterThan(40).contains("import.blocked", "banks.state.shadow");
        var all = Messages.load();
        assertThat(all.get("en").keys()).containsAll(keys);
        assertThat(all.get("hi").keys()).containsAll(keys);
        assertThat(all.get("hi").t("banks.title")).isEqualTo("हैश बैंक");
    }

    @Test
    void aPageNumberIsDigitsWithinRangeOrRefusedNamingTheField() {
        assertThat(BanksPages.pageParam(null, 3)).isEqualTo(1);
        assertThat(BanksPages.pageParam("3", 3)).isEqualTo(3);
        for (String bad : new String[] {"0", "4", "-1", "1e3", " 2", "9999999", "２"})
            assertThatThrownBy(() -> BanksPages.pageParam(bad, 3))
                    .as(bad)
                    .isInstanceOf(Invalid.class)
                    .hasMessageContaining("page");
    }

    @Test
    void aSearchIsCappedAndAHashSearchNeedsSixtyFourHexDigits() {
        assertThat(BankSearch.parse("  Partner A ", null)).isEqualTo(new BankSearch("Partner A", "text"));
        assertThat(BankSearch.parse("AB".repeat(32), "near").query()).isEqualTo("ab".repeat(32));
        assertThatThrownBy(() -> BankSearch.parse("a".repeat(201), "text"))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> BankSearch.parse("abc", "exact"))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> BankSearch.parse("x", "regex"))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("mode");
        assertThat(BankSearch.parse("a b&c", "text").queryString()).isEqualTo("&mode=text&q=a+b%26c");
    }
}

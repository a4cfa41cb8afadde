package org.pramaan.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plain-code matchers give the same answers as the regular expressions they replaced (kept
 * here as the oracle), on edge cases and on many random strings over alphabets chosen to hit each
 * expression's corner cases (separators, line terminators, digits, whitespace).
 */
class PlainTextTest {
    private static final int RANDOM_CASES = 20_000;
    private final Random random = new Random(11);

    private String randomOver(String alphabet, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.toString();
    }

    private List<String> inputs(String alphabet, int maxLength, String... edges) {
        List<String> all = new ArrayList<>(Arrays.asList(edges));
        for (int i = 0; i < RANDOM_CASES; i++) all.add(randomOver(alphabet, maxLength));
        return all;
    }

    private static void sameAnswers(List<String> inputs, Predicate<String> oracle, Predicate<String> plain) {
        for (String s : inputs)
            assertThat(plain.test(s))
                    .as("input '%s'", s.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(oracle.test(s));
    }

    private static void sameResults(List<String> inputs, Function<String, ?> oracle, Function<String, ?> plain) {
        for (String s : inputs)
            assertThat(plain.apply(s))
                    .as("input '%s'", s.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(oracle.apply(s));
    }

    @Test
    void emailCheckMatchesTheOldExpressionUpToTheRfc5321Length() {
        Pattern old = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
        List<String> in = inputs(
                "a@. \t\n\u000Bb\u0085\u2028",
                12,
                "",
                "@",
                "a@b.c",
                "a@.c",
                "a@b.",
                "a@b..c",
                "@b.c",
                "a@@b.c",
                "a@b.c@d",
                "a b@c.d",
                "a@b.c\n",
                "a@b\u000B.c",
                "x@" + ".".repeat(50) + "@",
                "a@bc",
                "a.b@c");
        List<String> usable =
                in.stream().filter(s -> s.length() <= PlainText.MAX_EMAIL).toList();
        sameAnswers(usable, s -> old.matcher(s).matches(), PlainText::looksLikeEmail);
        // Longer than a forward-path allows (RFC 5321 §4.5.3.1.3): refused even though the old expression took it.
        String longest = "a".repeat(PlainText.MAX_EMAIL - 6) + "@ex.org";
        assertThat(old.matcher(longest).matches()).isTrue();
        assertThat(PlainText.looksLikeEmail(longest)).isFalse();
        assertThat(PlainText.looksLikeEmail(longest.substring(1))).isTrue();
    }

    @Test
    void instanceSuffixRemovalMatchesReplaceAll() {
        List<String> in = inputs(
                "_1a.\n\r",
                10,
                "",
                "__",
                "__1",
                "a__1",
                "a___1",
                "a__1__2",
                "a__1\n",
                "a__1\r\n",
                "a__12x",
                "a_1",
                "c2pa.actions__3",
                "a__1\u0085",
                "a__1\u2028",
                "__1\n\n",
                "a__\n");
        sameResults(in, s -> s.replaceAll("__\\d+$", ""), PlainText::withoutInstanceSuffix);
    }

    @Test
    void afterLastSeparatorMatchesReplaceAllPerLine() {
        List<String> in = inputs(
                "ab/#:\n\r\u0085",
                12,
                "",
                "/",
                "a/b",
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                "a#b/c",
                "a/b\nc/d",
                "a/\n/b",
                "\n",
                "a/b\r\nc#d");
        sameResults(in, s -> s.replaceAll(".*[/#]", ""), s -> PlainText.afterLastSeparatorPerLine(s, "/#"));
        sameResults(in, s -> s.replaceAll(".*[/#:]", ""), s -> PlainText.afterLastSeparatorPerLine(s, "/#:"));
    }

    @Test
    void queryAndFragmentRemovalMatchesReplaceFirst() {
        List<String> in = inputs(
                "a?#/\n\r\u2029",
                12,
                "",
                "?",
                "#",
                "https://x.org/p/1?utm=2#top",
                "a?b\nc",
                "a?b\n",
                "a?b\r\n",
                "a\n?b",
                "a?\n?b\n",
                "a?b\u2029",
                "?\r",
                "a#b?c");
        sameResults(in, s -> s.replaceFirst("[?#].*$", ""), PlainText::withoutQueryOrFragment);
    }

    @Test
    void smallReplacementsMatchTheirExpressions() {
        List<String> ctl = inputs("a\u0000\u001f\u007f\u0080é\t\n", 10, "");
        sameResults(ctl, s -> s.replaceAll("\\p{Cntrl}", "?"), PlainText::controlsAsQuestionMarks);
        List<String> ws = inputs("a \t\n\u000B\f\r\u00a0\u2003", 10, "", "  a  b  ");
        sameResults(ws, s -> s.strip().replaceAll("\\s+", " "), PlainText::collapseSpaces);
        List<String> sl = inputs("a/\n\r", 8, "", "/", "https://x.org//", "a/\n", "a/\r\n", "a//\u0085");
        sameResults(sl, s -> s.replaceAll("/+$", ""), PlainText::withoutTrailingSlashes);
        List<String> id = inputs("aZ09._:/-@ é<>", 10, "");
        sameResults(id, s -> s.replaceAll("[^A-Za-z0-9._:/-]", "_"), PlainText::safeIdentifier);
    }

    @Test
    void splitMatchesStringSplit() {
        List<String> in = inputs("a,\t/", 8, "", ",", ",,", "a,", ",a", "a,,b,,", "\t\t");
        for (char c : new char[] {',', '\t', '/'}) {
            String sep = String.valueOf(c);
            sameResults(in, s -> List.of(s.split(sep)), s -> PlainText.split(s, c, false));
            sameResults(in, s -> List.of(s.split(sep, -1)), s -> PlainText.split(s, c, true));
        }
    }

    @Test
    void shapeChecksMatchTheirExpressions() {
        List<String> hex = inputs("0a9fFgG", 66, "", "0".repeat(64), "F".repeat(64), "f".repeat(63), "f".repeat(65));
        hex.addAll(List.of("a".repeat(64) + "\n", "a".repeat(64) + ",x", "A".repeat(64) + "\u0085"));
        for (int i = 0; i < 2000; i++) hex.add(randomOver("0123456789abcdefABCDEF", 64) + randomOver("0a,\n", 2));
        sameAnswers(hex, s -> s.matches("[0-9a-fA-F]{64}"), s -> PlainText.isHex(s, 64, false));
        sameAnswers(hex, s -> s.matches("[0-9a-f]{64}"), s -> PlainText.isHex(s, 64, true));
        sameAnswers(hex, s -> s.matches("[0-9a-fA-F]{64}.*"), PlainText::startsWithHex64);
        List<String> up = inputs("ABaZ[@", 3, "", "IN", "in", "I", "INX");
        sameAnswers(up, s -> s.matches("[A-Z]{2}"), s -> PlainText.isUpperLetters(s, 2));
        List<String> date =
                inputs("09-a\n", 11, "2026-03-01", "2026-3-01", "2026-03-01\n", "202a-03-01", "20260-03-01");
        for (int i = 0; i < 2000; i++)
            date.add(randomOver("0123456789", 4) + "-" + randomOver("0123456789-", 2) + "-" + randomOver("01x", 2));
        Pattern oldDate = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
        sameAnswers(date, s -> oldDate.matcher(s).matches(), PlainText::isDateShape);
        Pattern oldPuid = Pattern.compile("^[a-zA-Z0-9-_]+$");
        List<String> puid = inputs("aZ09-_:@[`\n ", 6, "", "-", "_", "abc-DEF_12");
        sameAnswers(puid, s -> oldPuid.matcher(s).matches(), PlainText::isWordOrDash);
        List<String> words = inputs("ab \t\n\u000B\f\r", 8, "a", "abc def", "abc\tdef");
        sameResults(
                words.stream()
                        .filter(s -> !s.isEmpty() && !PlainText.isRegexSpace(s.charAt(0)))
                        .toList(),
                s -> s.split("\\s")[0],
                PlainText::firstWord);
    }

    @Test
    void hostileShapesRunInLinearTime() {
        // Each of these took the old expressions quadratic or cubic time; here each is one pass. The bound
        // is a CPU-time ceiling that only a pathological blow-up would reach.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        String dots = "x@" + ".".repeat(200_000) + "@";
        assertThat(PlainText.looksLikeEmail(dots)).isFalse();
        assertThat(PlainText.afterLastSeparatorPerLine("a".repeat(200_000), "/#"))
                .hasSize(200_000);
        assertThat(PlainText.withoutQueryOrFragment("?".repeat(100_000) + "\n" + "a".repeat(10)))
                .hasSize(100_011);
        assertThat(PlainText.taggedContent(
                        "<c2pa:manifest>" + " ".repeat(200_000), "<c2pa:manifest>", "</c2pa:manifest>", c -> c == ' '))
                .isEmpty();
        assertThat(PlainText.taggedContent(
                        "<c2pa:manifest>".repeat(20_000), "<c2pa:manifest>", "</c2pa:manifest>", c -> c == ' '))
                .isEmpty();
        long ms = (cpu.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertThat(ms).as("CPU ms for hostile shapes").isLessThan(2_000);
    }

    @Test
    void csvFieldsFollowRfc4180QuotingAndRefuseAnOpenQuote() {
        assertThat(PlainText.csvFields("a,\"b, c\",\"say \"\"hi\"\"\",,"))
                .containsExactly("a", "b, c", "say \"hi\"", "", "");
        assertThat(PlainText.csvFields("")).containsExactly("");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlainText.csvFields("a,\"b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not closed");
    }
}

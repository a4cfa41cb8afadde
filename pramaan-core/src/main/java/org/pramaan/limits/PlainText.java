package org.pramaan.limits;

import java.util.Optional;

/**
 * Linear-time replacements for the regular expressions that used to run on untrusted text
 * (issue 11 defects 1 and 2: {@code java.util.regex} backtracks, quadratically or worse, on
 * shaped input). Each method is a single pass or a bounded number of passes over its input; the
 * regular expression each one replaces is named in its comment and kept as the oracle in the
 * unit tests ({@code PlainTextTest}).
 */
public final class PlainText {
    /** RFC 5321 §4.5.3.1.3: a forward-path is at most 256 octets including the angle brackets, so an address is at most 254. */
    public static final int MAX_EMAIL = 254;

    private PlainText() {}

    /** {@code \s} of {@code java.util.regex} without flags: space, tab, newline, vertical tab, form feed, carriage return. */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * {@code ^[^@\s]+@[^@\s]+\.[^@\s]+$} in one pass, refusing anything longer than {@link #MAX_EMAIL}:
     * exactly one {@code @}, no whitespace, a non-empty local part, and a dot in the domain that has
     * a character on each side.
     */
    public static boolean looksLikeEmail(String s) {
        if (s.length() > MAX_EMAIL) return false;
        int at = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isRegexSpace(c)) return false;
            if (c == '@') {
                if (at >= 0) return false;
                at = i;
            }
        }
        if (at < 1) return false;
        // The domain needs a dot with at least one character before it (after the @) and one after it.
        int dot = s.indexOf('.', at + 2);
        return dot >= 0 && dot < s.length() - 1;
    }

    /** {@code [0-9a-fA-F]{n}} (or lower-case only) as a whole-string match. */
    public static boolean isHex(String s, int n, boolean lowerOnly) {
        if (s.length() != n) return false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (!lowerOnly && c >= 'A' && c <= 'F');
            if (!ok) return false;
        }
        return true;
    }

    /** {@code s.replaceAll("__\\d+$", "")}: drops a C2PA 2.2 §6.4 instance suffix such as {@code __1} from a label. */
    public static String withoutInstanceSuffix(String s) {
        int end = endBeforeFinalTerminator(s);
        int i = end;
        while (i > 0 && isAsciiDigit(s.charAt(i - 1))) i--;
        if (i == end || i < 2 || s.charAt(i - 1) != '_' || s.charAt(i - 2) != '_') return s;
        // "a___1" as the regex sees it: the leftmost "__" that is followed by digits to the end, so one underscore
        // stays.
        return s.substring(0, i - 2) + s.substring(end);
    }

    /**
     * {@code s.replaceAll(".*[" + seps + "]", "")}: the part after the last separator on the last
     * line. {@code .} does not cross line terminators, so each line is stripped up to its own
     * last separator; the oracle test checks this on multi-line input too.
     */
    public static String afterLastSeparatorPerLine(String s, String seps) {
        StringBuilder out = new StringBuilder(s.length());
        int lineStart = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || isLineTerminator(s.charAt(i))) {
                int cut = -1;
                for (int j = i - 1; j >= lineStart; j--) {
                    if (seps.indexOf(s.charAt(j)) >= 0) {
                        cut = j;
                        break;
                    }
                }
                out.append(s, cut >= 0 ? cut + 1 : lineStart, i);
                if (i < s.length()) out.append(s.charAt(i));
                lineStart = i + 1;
            }
        }
        return out.toString();
    }

    /** {@code s.replaceFirst("[?#].*$", "")}: drops a URL's query and fragment (everything from the first {@code ?} or {@code #}). */
    public static String withoutQueryOrFragment(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '?' && c != '#') {
                i++;
                continue;
            }
            // ".*" runs to the end of this line; "$" (no MULTILINE) holds only at the end or before a final terminator.
            int end = i;
            while (end < s.length() && !isLineTerminator(s.charAt(end))) end++;
            if (endBeforeFinalTerminator(s) == end || end == s.length()) return s.substring(0, i) + s.substring(end);
            i = end + 1; // every other ? or # on this line fails the same way
        }
        return s;
    }

    /**
     * Where {@code $} of {@code java.util.regex} (no MULTILINE) first holds: before a final line
     * terminator ({@code \r\n} counting as one), else at the end.
     */
    static int endBeforeFinalTerminator(String s) {
        int n = s.length();
        if (n >= 2 && s.charAt(n - 2) == '\r' && s.charAt(n - 1) == '\n') return n - 2;
        if (n >= 1 && isLineTerminator(s.charAt(n - 1))) return n - 1;
        return n;
    }

    /** Line terminators of {@code java.util.regex} without UNIX_LINES: \n, \r, \u0085, \u2028, \u2029. */
    public static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** {@code s.replaceAll("\\p{Cntrl}", "?")}: C0 controls and DEL shown as {@code ?}. */
    public static String controlsAsQuestionMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return out.toString();
    }

    /** {@code s.strip().replaceAll("\\s+", " ")}: runs of regex whitespace become one space. */
    public static String collapseSpaces(String s) {
        String t = s.strip();
        StringBuilder out = new StringBuilder(t.length());
        boolean inRun = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isRegexSpace(c)) {
                if (!inRun) out.append(' ');
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    /** {@code s.replaceAll("/+$", "")}. */
    public static String withoutTrailingSlashes(String s) {
        int end = endBeforeFinalTerminator(s);
        int i = end;
        while (i > 0 && s.charAt(i - 1) == '/') i--;
        return s.substring(0, i) + s.substring(end);
    }

    /** {@code s.replaceAll("[^A-Za-z0-9._:/-]", "_")}. */
    public static String safeIdentifier(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || isAsciiDigit(c)
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '/'
                    || c == '-';
            out.append(ok ? c : '_');
        }
        return out.toString();
    }

    /**
     * The text between the first {@code open} tag whose content, up to the next non-member character, is
     * closed by {@code close}, where every content character satisfies {@code member}; empty when none.
     * Linear: each start resumes after the previous candidate's content, since content cannot contain a {@code <}.
     */
    public static Optional<int[]> taggedContent(
            String text, String open, String close, java.util.function.IntPredicate member) {
        int from = 0;
        while (true) {
            int p = text.indexOf(open, from);
            if (p < 0) return Optional.empty();
            int start = p + open.length();
            int q = start;
            while (q < text.length() && member.test(text.charAt(q))) q++;
            if (q > start && text.startsWith(close, q)) return Optional.of(new int[] {start, q});
            from = Math.max(p + 1, q);
        }
    }

    public static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * {@code s.split(String.valueOf(sep), -1)} when {@code keepTrailingEmpty}, else {@code s.split(String.valueOf(sep))}
     * (trailing empty strings dropped; an input without the separator is itself the only part).
     */
    public static java.util.List<String> split(String s, char sep, boolean keepTrailingEmpty) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int from = 0;
        for (int i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, from)) {
            out.add(s.substring(from, i));
            from = i + 1;
        }
        if (out.isEmpty()) return java.util.List.of(s);
        out.add(s.substring(from));
        if (!keepTrailingEmpty) while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    /** {@code s.matches("[A-Z]{n}")}. */
    public static boolean isUpperLetters(String s, int n) {
        if (s.length() != n) return false;
        for (int i = 0; i < n; i++) if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') return false;
        return true;
    }

    /** {@code s.matches("\\d{4}-\\d{2}-\\d{2}")} (ASCII digits): the shape of an ISO 8601 calendar date. */
    public static boolean isDateShape(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return false;
        for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && !isAsciiDigit(s.charAt(i))) return false;
        return true;
    }

    /** {@code s.matches("[a-zA-Z0-9-_]+")} (the class is {@code a-z A-Z 0-9 - _}). */
    public static boolean isWordOrDash(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c) || c == '-' || c == '_'))
                return false;
        }
        return true;
    }

    /** {@code s.matches("[0-9a-fA-F]{64}.*")}: 64 hex digits, then anything without a line terminator. */
    public static boolean startsWithHex64(String s) {
        if (s.length() < 64 || !isHex(s.substring(0, 64), 64, false)) return false;
        for (int i = 64; i < s.length(); i++) if (isLineTerminator(s.charAt(i))) return false;
        return true;
    }

    /** The first run of non-{@code \\s} characters: {@code s.split("\\s")[0]} for an {@code s} that does not start with whitespace. */
    public static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !isRegexSpace(s.charAt(i))) i++;
        return s.substring(0, i);
    }

    /**
     * One CSV line's fields (RFC 4180: commas inside double quotes, "" for a quote), in one linear pass.
     *
     * @throws IllegalArgumentException when a quoted field is not closed on the line
     */
    public static java.util.List<String> csvFields(String line) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("a quoted field is not closed");
        out.add(cur.toString());
        return out;
    }
}

package org.pramaan.limits;

import java.util.Map;
import org.pramaan.errors.Invalid;

/**
 * Every cap on client text, in one place (issue 11: lengths are capped before anything is parsed
 * or matched, and refused, never truncated). A refusal is an {@link Invalid} that
 * names the field, its length and the limit; the HTTP API answers it {@code 400 request.invalid}.
 * Each value is well above what a real notice or request carries and small enough that the work
 * any one value causes (copying into the case file, the audit log and every outbound message) stays trivial.
 */
public final class TextLimits {
    /** Notice fields per notice: the rule packs require at most a dozen (EU art.16(2), IN r.3(2), US §223a(a)(2)); 64 leaves room for a platform's own. */
    public static final int NOTICE_FIELDS = 64;
    /** A notice field's name: the packs' longest is 30 characters ({@code statement_of_accuracy_good_faith}-like). */
    public static final int NOTICE_FIELD_NAME = 64;
    /**
     * A notice field's value: 8,192 characters holds the "sufficiently substantiated explanation" of
     * DSA art.16(2)(a) (about 1,300 words); a 160 KB body (issue 11 defect 1) is refused.
     */
    public static final int NOTICE_FIELD_VALUE = 8_192;
    /** An appeal statement (DSA art.20(1)): the same room as a notice's explanation. */
    public static final int STATEMENT = 8_192;
    /** A reviewer's note or reason: it is copied into the statement of reasons (DSA art.17(3)(d) free text), 4,096 is ample. */
    public static final int NOTE = 4_096;
    /** Identifiers a platform chooses (appellant, uploader and external ids): 256 fits any UUID, URN or handle. */
    public static final int IDENTIFIER = 256;
    /** A notice type id such as {@code IN-3-2-b-intimate}: rule pack ids are short; 64. */
    public static final int NOTICE_TYPE = 64;
    /** A URL: RFC 9110 §4.1 asks recipients to support at least 8,000 octets, so no longer one is needed. */
    public static final int URL = 8_000;
    /** An uploader's declaration ({@code synthetic} / {@code not_synthetic}, IT Rules r.4(1A)(a)): 64. */
    public static final int DECLARATION = 64;
    /** A whole query string: every route's parameters together are a few short values; 2,048. */
    public static final int QUERY_STRING = 2_048;

    /** Any other short text field of a JSON request or form (ids, enum-like words, timestamps): 1,024. */
    public static final int OTHER = 1_024;

    private static final Map<String, Integer> BY_FIELD = Map.ofEntries(
            Map.entry("noticeType", NOTICE_TYPE),
            Map.entry("externalId", IDENTIFIER),
            Map.entry("contentUrl", URL),
            Map.entry("statement", STATEMENT),
            Map.entry("note", NOTE),
            Map.entry("reason", NOTE),
            Map.entry("appellant", IDENTIFIER),
            Map.entry("uploaderId", IDENTIFIER),
            Map.entry("declaration", DECLARATION),
            Map.entry("mediaId", IDENTIFIER),
            Map.entry("description", OTHER));

    private TextLimits() {}

    /** The cap of a named request field: its own above, else {@link #OTHER}. */
    public static int forField(String field) {
        return BY_FIELD.getOrDefault(field, OTHER);
    }

    /** {@code value} unchanged when it fits in {@code max} characters; refused naming {@code field} otherwise. */
    public static String check(String field, String value, int max) {
        if (value.length() > max) {
            throw new Invalid(field, "'" + field + "' is " + value.length() + " characters long; the limit is " + max);
        }
        return value;
    }

    /** Fields the server adds to a client's notice ({@code submittedBy}, trusted-flagger status, …): the core allows this many beyond {@link #NOTICE_FIELDS}. */
    public static final int SERVER_SET_FIELDS = 8;

    /** A client's notice fields: count, name lengths and value lengths ({@link #NOTICE_FIELDS}, {@link #NOTICE_FIELD_NAME}, {@link #NOTICE_FIELD_VALUE}). */
    public static void checkNoticeFields(Map<String, String> fields) {
        checkNoticeFields(fields, NOTICE_FIELDS);
    }

    /** As {@link #checkNoticeFields(Map)} with room for {@code maxCount} fields (the core counts the server's own too). */
    public static void checkNoticeFields(Map<String, String> fields, int maxCount) {
        if (fields.size() > maxCount) {
            throw new Invalid("fields", "'fields' has " + fields.size() + " entries; the limit is " + maxCount);
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey().length() > NOTICE_FIELD_NAME) {
                throw new Invalid(
                        "fields",
                        "a name in 'fields' is " + e.getKey().length() + " characters long (it starts '"
                                + e.getKey().substring(0, 32) + "'); the limit is " + NOTICE_FIELD_NAME);
            }
            check("fields." + e.getKey(), e.getValue(), NOTICE_FIELD_VALUE);
        }
    }
}

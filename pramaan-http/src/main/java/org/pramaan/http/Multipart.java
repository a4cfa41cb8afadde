package org.pramaan.http;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The gate every multipart body passes before a route reads it: the boundary is checked here, the
 * parts are parsed once under explicit limits, and any failure of the parser (a body cut short, no
 * closing delimiter, too many parts, an oversized part header) becomes a 4xx naming what was wrong
 * instead of the servlet container's exception surfacing as a 500 (issue 11 defect 4).
 */
final class Multipart {
    /** Our forms have at most six parts (notice, file, ingredient, uploaderId, externalId, declaration); 32 leaves room and bounds the work. */
    static final int MAX_PARTS = 32;
    /** Bytes of headers per part (Content-Disposition, Content-Type); the same figure as Jetty's request-header limit, which it applies to part headers. */
    static final int MAX_PART_HEADER_BYTES = 8192;
    /** RFC 2046 §5.1.1: a boundary is 1 to 70 characters. */
    private static final int MAX_BOUNDARY = 70;
    /** RFC 2046 §5.1.1 bcharsnospace (space is allowed too, except last). */
    private static final String BCHARS = "'()+_,-./:=?";

    private Multipart() {}

    /** Parses the multipart body (the container caches the parts for the route's {@code uploadedFile}/{@code formParam}), or refuses it. */
    static void parse(Context ctx, long maxFileBytes) {
        checkBoundary(ctx.header("Content-Type"));
        try {
            ctx.uploadedFileMap(); // through Javalin, which applies the multipart config (cache directory, size
            // limits) before the container parses
        } catch (Exception e) {
            throw refusal(e, maxFileBytes);
        }
    }

    /**
     * Deletes the container's cache files of this request's parts now, before the response goes
     * out: Jetty left a large part's file in the spool after a successful upload (issue 11 defect 6).
     */
    static void deleteParts(Context ctx) {
        java.util.Collection<jakarta.servlet.http.Part> parts;
        try {
            parts = ctx.req().getParts();
        } catch (Exception e) {
            return; // the parse failed, and Jetty removed what it had written
        }
        for (jakarta.servlet.http.Part p : parts) {
            try {
                p.delete();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Multipart.class)
                        .warn("could not delete the cache file of part '{}': {}", p.getName(), e.toString());
            }
        }
    }

    private static void checkBoundary(String contentType) {
        String boundary = null;
        for (String param : org.pramaan.limits.PlainText.split(String.valueOf(contentType), ';', true)) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) boundary = p.substring(9);
        }
        if (boundary == null)
            throw invalid(
                    "the Content-Type has no boundary parameter (RFC 2046 §5.1.1: multipart/form-data; boundary=...)");
        if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\""))
            boundary = boundary.substring(1, boundary.length() - 1);
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw invalid("the multipart boundary must be 1 to " + MAX_BOUNDARY + " characters (RFC 2046 §5.1.1), got "
                    + boundary.length());
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            boolean ok = (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || BCHARS.indexOf(c) >= 0
                    || (c == ' ' && i < boundary.length() - 1);
            if (!ok)
                throw invalid("the multipart boundary has a character RFC 2046 §5.1.1 does not allow at position " + i);
        }
    }

    /** The parser's failure, named: Jetty reports limits and syntax errors as exceptions whose messages say which. */
    private static ApiException refusal(Throwable e, long maxFileBytes) {
        String all = messages(e);
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("parts") || lower.contains("too many keys"))
            return invalid("the multipart body has more than " + MAX_PARTS + " parts");
        if (lower.contains("eof")) return invalid("the multipart body ended before its closing boundary (" + all + ")");
        if (lower.contains("header"))
            return invalid("a multipart part header is longer than " + MAX_PART_HEADER_BYTES + " bytes");
        if (lower.contains("size") || lower.contains("too large") || lower.contains("max length")) {
            return new ApiException(
                    413, "media.too_large", "a multipart part exceeds the size limit of " + maxFileBytes + " bytes");
        }
        return invalid("the multipart body is malformed (" + all + ")");
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "request.multipart_invalid", message);
    }

    /** The distinct messages down the cause chain, bounded. */
    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (int depth = 0; e != null && depth < 8; e = e.getCause(), depth++) {
            String m = e.getMessage();
            if (m == null || out.indexOf(m) >= 0) continue;
            if (!out.isEmpty()) out.append(": ");
            out.append(m);
        }
        if (out.isEmpty()) return "unknown error";
        // Plain code, not a regex: line breaks out, length capped for the response.
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < out.length() && flat.length() < 200; i++)
            flat.append(Character.isWhitespace(out.charAt(i)) ? ' ' : out.charAt(i));
        return flat.toString();
    }
}

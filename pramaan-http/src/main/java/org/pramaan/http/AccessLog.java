package org.pramaan.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code pramaan.http.access}: method, route template (never the
 * raw path, which may carry ids an operator does not want indexed, and which would make every case
 * its own series in a log search), status, duration and the id of the key that called, never the
 * key. The same fields go out as SLF4J key-value pairs, so the JSON log format
 * ({@code PRAMAAN_LOG_FORMAT=json}) carries them as fields.
 */
final class AccessLog {
    static final String LOGGER = "pramaan.http.access";
    static final String KEY_ID = "pramaan.keyId";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {}

    static void log(Context ctx, String route, float ms) {
        if (!LOG.isInfoEnabled()) return;
        String keyId = ctx.attribute(KEY_ID) instanceof String s ? s : "-";
        String method = ctx.method().name();
        int status = ctx.statusCode();
        String duration = String.format(Locale.ROOT, "%.1f", ms);
        LOG.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", duration)
                .addKeyValue("keyId", keyId)
                .addKeyValue("remote", ctx.ip())
                .log("{} {} {} {}ms key={} remote={}", method, route, status, duration, keyId, ctx.ip());
    }
}

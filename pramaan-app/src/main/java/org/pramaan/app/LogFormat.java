package org.pramaan.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * {@code log.format=json} ({@code PRAMAAN_LOG_FORMAT=json}): every log line becomes one JSON object
 * (logback's own {@code JsonEncoder}: timestamp, level, thread, logger, message and the SLF4J key-value
 * pairs, which carry the access log's fields), for log shippers that index fields. Done here rather
 * than in logback.xml so that the value from a properties file counts too and a bad value has already
 * stopped start-up with the configuration's message.
 */
final class LogFormat {
    private LogFormat() {}

    static void apply(String format) {
        if (!"json".equals(format) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return;
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(ctx);
        // The logger context's birth date and properties would repeat on every line; the sequence number and
        // nanoseconds add nothing to a timestamp.
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        // The formatted message reads like the text log; the template and its arguments would say it twice.
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.start();
        ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
        json.setContext(ctx);
        json.setName("JSON");
        json.setTarget("System.err");
        json.setEncoder(encoder);
        json.start();
        root.detachAndStopAllAppenders();
        root.addAppender(json);
    }
}

package org.pramaan.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.Map;

/**
 * JVM and process metrics on {@code /metrics}, and the HELP text of Pramaan's own counters: the
 * Prometheus exposition format (text format 0.0.4, "HELP" lines) shows a description only when the
 * meter has one, and an operator reading a dashboard needs to know what a series counts.
 */
final class OperatorMetrics {
    private static final Map<String, String> HELP = Map.of(
            "pramaan_notices_received", "notices received, by notice type",
            "pramaan_case_actions", "actions taken on cases, by action",
            "pramaan_media_screened", "uploads screened, by decision and assessment tier",
            "pramaan_media_rejected", "uploads refused before screening, by rejection code");

    private OperatorMetrics() {}

    /**
     * Binds the JVM and operator metrics to {@code registry}.
     *
     * @return what must be closed when the server stops (the GC binder's notification listeners)
     */
    static AutoCloseable bind(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        // The GC binder listens to the JVM's GC notifications until closed; a stopped server must not keep its registry
        // alive through them.
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return gc;
    }

    /** The description of a Pramaan counter; a counter added without an entry here still gets a readable one. */
    static String help(String name) {
        return HELP.getOrDefault(name, name.replace('_', ' '));
    }
}

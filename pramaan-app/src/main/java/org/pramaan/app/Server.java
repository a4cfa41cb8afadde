package org.pramaan.app;

import io.javalin.Javalin;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pramaan.http.HttpApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: the HTTP API plus the clock checker that fires escalations and breaches. The
 * first check runs at start-up, so escalations missed while the server was down are fired then
 * (and recorded with both their due time and their firing time).
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    private final Javalin http;
    private final ScheduledExecutorService scheduler;

    private Server(Javalin http, ScheduledExecutorService scheduler) {
        this.http = http;
        this.scheduler = scheduler;
    }

    public static Server start(Embedded app, String host, int port) throws java.io.IOException {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "pramaan-scheduler");
            t.setDaemon(true);
            return t;
        });
        long every = app.config().policy().clockCheckInterval().toMillis();
        Readiness readiness = new Readiness(app, app.clock(), app.config().policy().clockCheckInterval());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                app.cases().checkClocks().forEach(e -> LOG.info("case clock: {} {}", e.wireName(), e.details()));
                readiness.clockChecked();
            } catch (RuntimeException e) {
                LOG.error("clock check failed; will retry", e);
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        // Messages leave on their own thread's schedule, so a slow receiver never delays a clock check.
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                var pass = app.dispatcher().deliverDue();
                if (pass.delivered() + pass.retrying() + pass.deadLettered() > 0) LOG.info("deliveries: {}", pass);
            } catch (RuntimeException e) {
                LOG.error("delivery pass failed; will retry", e);
            }
        }, 0, app.config().notifications().dispatchInterval().toMillis(), TimeUnit.MILLISECONDS);
        // Retention purges are cheap when nothing is due; hourly keeps removed content no longer than needed.
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                app.retention().purge().forEach(id -> LOG.info("purged bytes of removed media {} (no active hold)", id));
            } catch (RuntimeException e) {
                LOG.error("retention purge failed; will retry", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
        SpoolSweep.sweep(app.config().storage().dataDir().resolve("tmp")); // before the first request: what is there was left by a process that died
        // Idempotency keys past their retention are forgotten; hourly keeps the table at about a day of requests.
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int swept = app.idempotency().sweep();
                if (swept > 0) LOG.info("forgot {} expired idempotency keys", swept);
            } catch (RuntimeException e) {
                LOG.error("idempotency sweep failed; will retry", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
        Javalin http = new HttpApi(app.apiServices(), new org.pramaan.http.Operations(readiness.checks(), app.config().http().rateLimits(),
                app.config().http().requestBudgets()), java.util.Optional.of(app.idempotency())).start(host, port);
        return new Server(http, scheduler);
    }

    public int port() { return http.port(); }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.stop();
    }
}

package org.pramaan.app;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
    /** The periodic tasks: each catches RuntimeException, so one that ended threw an Error, which only its future holds. */
    private final List<ScheduledFuture<?>> periodic;

    private Server(Javalin http, ScheduledExecutorService scheduler, List<ScheduledFuture<?>> periodic) {
        this.http = http;
        this.scheduler = scheduler;
        this.periodic = List.copyOf(periodic);
    }

    public static Server start(Embedded app, String host, int port) throws java.io.IOException {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "pramaan-scheduler");
            t.setDaemon(true);
            return t;
        });
        // Issue 16: say which detector models score uploads, and which were refused and why.
        app.detectors()
                .detectors()
                .forEach(d -> LOG.info(
                        "detector model {} {} loaded (sha256 {})",
                        d.manifest().id(),
                        d.manifest().version(),
                        d.manifest().sha256()));
        app.detectors().refused().forEach(r -> LOG.warn("detector model {} refused: {}", r.file(), r.message()));
        long every = app.config().policy().clockCheckInterval().toMillis();
        List<ScheduledFuture<?>> periodic = new ArrayList<>();
        Readiness readiness =
                new Readiness(app, app.clock(), app.config().policy().clockCheckInterval());
        periodic.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        app.cases()
                                .checkClocks()
                                .forEach(e -> LOG.info("case clock: {} {}", e.wireName(), e.details()));
                        readiness.clockChecked();
                    } catch (RuntimeException e) {
                        LOG.error("clock check failed; will retry", e);
                    }
                },
                0,
                every,
                TimeUnit.MILLISECONDS));
        // Messages leave on their own thread's schedule, so a slow receiver never delays a clock check.
        periodic.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        var pass = app.dispatcher().deliverDue();
                        if (pass.delivered() + pass.retrying() + pass.deadLettered() > 0)
                            LOG.info("deliveries: {}", pass);
                    } catch (RuntimeException e) {
                        LOG.error("delivery pass failed; will retry", e);
                    }
                },
                0,
                app.config().notifications().dispatchInterval().toMillis(),
                TimeUnit.MILLISECONDS));
        // Retention purges are cheap when nothing is due; hourly keeps removed content no longer than needed.
        periodic.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        app.retention()
                                .purge()
                                .forEach(id -> LOG.info("purged bytes of removed media {} (no active hold)", id));
                    } catch (RuntimeException e) {
                        LOG.error("retention purge failed; will retry", e);
                    }
                },
                1,
                60,
                TimeUnit.MINUTES));
        // Generation records past generation.retention (CN Labeling Measures art.9: at least six months) are deleted.
        periodic.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        int purged = app.generationRetention().purge(org.pramaan.access.Actor.component("scheduler"));
                        if (purged > 0) LOG.info("purged {} generation records past their retention", purged);
                    } catch (RuntimeException e) {
                        LOG.error("generation retention purge failed; will retry", e);
                    }
                },
                1,
                60,
                TimeUnit.MINUTES));
        // Users due for the rules reminder (IT Rules r.3(1)(c), every three months): one webhook event per showing.
        periodic.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        var sent = app.ruleReminders().notifyDue();
                        if (!sent.isEmpty()) LOG.info("rules reminders due: {} users", sent.size());
                    } catch (RuntimeException e) {
                        LOG.error("rules reminder pass failed; will retry", e);
                    }
                },
                0,
                app.config().policy().clockCheckInterval().toMillis() * 120,
                TimeUnit.MILLISECONDS));
        SpoolSweep.sweep(app.config()
                .storage()
                .dataDir()
                .resolve("tmp")); // before the first request: what is there was left by a process that died
        // Idempotency keys past their retention are forgotten; hourly keeps the table at about a day of requests.
        periodic.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        int swept = app.idempotency().sweep();
                        if (swept > 0) LOG.info("forgot {} expired idempotency keys", swept);
                    } catch (RuntimeException e) {
                        LOG.error("idempotency sweep failed; will retry", e);
                    }
                },
                1,
                60,
                TimeUnit.MINUTES));
        app.backscan().executor().start(); // resumes the back-scans a crash or restart left RUNNING
        // Issue 15: back-scans whose node died are taken over once their lease ends; checked twice per lease.
        long leaseCheck = Math.max(1, app.config().storage().node().liveFor().toMillis() / 2);
        periodic.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        app.backscan().executor().rescan();
                    } catch (RuntimeException e) {
                        LOG.error("back-scan lease check failed; will retry", e);
                    }
                },
                leaseCheck,
                leaseCheck,
                TimeUnit.MILLISECONDS));
        Javalin http = new HttpApi(
                        app.apiServices(),
                        new org.pramaan.http.Operations(
                                readiness.checks(),
                                app.config().http().rateLimits(),
                                app.config().http().requestBudgets(),
                                app.node()::live),
                        java.util.Optional.of(app.idempotency()))
                .start(host, port, app.console()::mount);
        return new Server(http, scheduler, periodic);
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        for (ScheduledFuture<?> f : periodic) {
            if (f.isDone() && !f.isCancelled()) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.error(
                            "a periodic task (clock check, delivery, retention or idempotency sweep) had stopped",
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // cannot happen: the future is done
                }
            }
        }
        scheduler.shutdownNow();
        http.stop();
    }
}

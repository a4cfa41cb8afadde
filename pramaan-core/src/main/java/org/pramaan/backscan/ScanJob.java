package org.pramaan.backscan;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A back-scan job as stored. Its checkpoint is the key of the last item whose result is committed;
 * items are worked in ascending key order, so everything at or before it is done.
 *
 * @param checkpoint    last committed item key; empty string before the first batch
 * @param trigger       {@code on-demand} or {@code bank-addition}
 * @param runningSince  when it last started or resumed running (the ETA's rate is measured from here)
 * @param doneAtRunning {@code counts.done} at {@code runningSince}
 * @param failure       why a FAILED job failed
 */
public record ScanJob(
        String id,
        ScanSource source,
        ScanPolicy policy,
        ScanState state,
        ScanCounts counts,
        String checkpoint,
        String trigger,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant runningSince,
        long doneAtRunning,
        Optional<Instant> finishedAt,
        Optional<String> failure) {
    public ScanJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(runningSince, "runningSince");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(failure, "failure");
    }

    /** A new running job. */
    static ScanJob start(
            String id, ScanSource source, ScanPolicy policy, long total, String trigger, String by, Instant now) {
        return new ScanJob(
                id,
                source,
                policy,
                ScanState.RUNNING,
                ScanCounts.of(total),
                "",
                trigger,
                by,
                now,
                now,
                now,
                0,
                Optional.empty(),
                Optional.empty());
    }

    ScanJob withState(ScanState s, Instant now) {
        boolean resumed = s == ScanState.RUNNING && state != ScanState.RUNNING;
        return new ScanJob(
                id,
                source,
                policy,
                s,
                counts,
                checkpoint,
                trigger,
                createdBy,
                createdAt,
                now,
                resumed ? now : runningSince,
                resumed ? counts.done() : doneAtRunning,
                s.terminal() ? Optional.of(now) : Optional.empty(),
                failure);
    }

    ScanJob failed(String why, Instant now) {
        ScanJob f = withState(ScanState.FAILED, now);
        return new ScanJob(
                id,
                source,
                policy,
                f.state,
                counts,
                checkpoint,
                trigger,
                createdBy,
                createdAt,
                now,
                runningSince,
                doneAtRunning,
                f.finishedAt,
                Optional.of(why));
    }

    ScanJob progressed(ScanCounts c, String newCheckpoint, Instant now) {
        return new ScanJob(
                id,
                source,
                policy,
                state,
                c,
                newCheckpoint,
                trigger,
                createdBy,
                createdAt,
                now,
                runningSince,
                doneAtRunning,
                finishedAt,
                failure);
    }

    /**
     * Estimated time left at the rate measured since the job last started running; empty when it is
     * not running or nothing was done yet in this run (no rate to go by).
     */
    public Optional<Duration> eta(Instant now) {
        if (state != ScanState.RUNNING) return Optional.empty();
        long doneHere = counts.done() - doneAtRunning;
        long elapsedMs = Duration.between(runningSince, now).toMillis();
        if (doneHere <= 0 || elapsedMs <= 0) return Optional.empty();
        long left = Math.max(0, counts.total() - counts.done());
        return Optional.of(Duration.ofMillis((long) Math.ceil(left * (double) elapsedMs / doneHere)));
    }

    /** Items per second since the job last started running (0 when nothing was measured). */
    public double rate(Instant now) {
        long elapsedMs = Duration.between(runningSince, now).toMillis();
        long doneHere = counts.done() - doneAtRunning;
        return elapsedMs <= 0 || doneHere <= 0 ? 0 : doneHere * 1000.0 / elapsedMs;
    }
}

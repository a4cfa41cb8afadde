package org.pramaan.generation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;

/**
 * Deletes generation records once their retention has run out. CN Labeling Measures art.9 and DSP
 * art.17 ask for at least six months ({@link Generations#MIN_RETENTION}, checked at start-up); keeping
 * user ids, real-name data and prompt digests longer than that is itself a data-protection harm
 * (PIPL art.19: no longer than necessary). A record is kept up to and including its {@code retainUntil}
 * instant and deleted after it. The record is also the unlabelled-export log (art.9), so that log goes
 * with it; so do the idempotency keys and outputs stored with it. The {@code generated} bank's hashes
 * stay: they are the Code of Practice's fingerprint registry, carry no personal data, and still let a
 * platform learn that a file came from this service after the record is gone.
 */
public final class GenerationRetention {
    /** Records deleted per unit of work, so one purge never holds the store's lock for long. */
    static final int BATCH = 200;

    private final GenerationRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public GenerationRetention(GenerationRepository repository, AuditLog audit, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Deletes every record past its retention on the injected clock; audits each batch with its count. */
    public int purge(Actor actor) {
        Instant now = clock.instant();
        int total = 0;
        while (true) {
            int n = audit.unitOfWork().run(() -> {
                List<GenerationRecord> due = repository.retainedUntilBefore(now, BATCH);
                for (GenerationRecord r : due) repository.delete(r.id());
                if (!due.isEmpty())
                    audit.append(
                            "generation.purged",
                            "generations",
                            AuditLog.details(
                                    "count", due.size(),
                                    "retainedUntilBefore", now.toString(),
                                    "actor", actor.wireName()));
                return due.size();
            });
            total += n;
            if (n < BATCH) return total;
        }
    }
}

package org.pramaan.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.audit.AuditStore;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.cases.AccountRepository;
import org.pramaan.cases.CaseRepository;
import org.pramaan.cases.HoldRepository;
import org.pramaan.idempotency.IdempotencyStore;
import org.pramaan.intake.MediaRepository;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.tx.UnitOfWork;

/**
 * An in-memory store with an adapter for every storage port, for unit tests of use cases without
 * SQLite. It mirrors {@code EmbeddedStore}: one lock serialises every read and write (as SQLite's
 * single writer does), and {@link #unitOfWork()} keeps the {@link UnitOfWork} contract: nested units
 * join the outermost, hooks run after the outermost commits (still under the lock), and a unit whose
 * work throws restores every table to the snapshot taken when it began, so nothing it wrote stays.
 *
 * <p>What it does not do: nothing is durable (a JVM exit loses everything); the snapshot is a
 * copy of every table per outermost unit, so it suits tests, not large data sets; a read on another
 * thread waits for an open unit to finish (SQLite in WAL mode would let it read the last commit), so
 * neither sees the other's uncommitted writes but readers are not concurrent with a writer. The
 * {@link MemoryBlobStore} is separate and not transactional, like the file-based blob store.
 *
 * <p>A restart is simulated by {@link #reopen()}: a new store over the same committed tables, with
 * none of this instance's open units or pending hooks, as a new process reopening the same data
 * file would see it.
 */
public final class MemoryStore {
    private final Tables tables;
    private final ReentrantLock lock = new ReentrantLock();
    /** Nesting depth of the unit open on the lock-holding thread (guarded by {@link #lock}). */
    private int depth;
    /** Hooks of the open unit (guarded by {@link #lock}). */
    private List<Runnable> hooks = new ArrayList<>();

    private final MemoryMediaRepository media = new MemoryMediaRepository(this);
    private final MemoryCaseRepository cases = new MemoryCaseRepository(this);
    private final MemoryHashBankRepository banks = new MemoryHashBankRepository(this);
    private final MemoryAuditStore audit = new MemoryAuditStore(this);
    private final MemoryApiKeyRepository apiKeys = new MemoryApiKeyRepository(this);
    private final MemoryHoldRepository holds = new MemoryHoldRepository(this);
    private final MemoryDeliveryRepository deliveries = new MemoryDeliveryRepository(this);
    private final MemoryAccountRepository accounts = new MemoryAccountRepository(this);
    private final MemoryIdempotencyStore idempotency = new MemoryIdempotencyStore(this);
    private final MemoryPersonRepository people = new MemoryPersonRepository(this);
    private final MemoryGenerationRepository generations = new MemoryGenerationRepository(this);
    private final MemoryReportSource reports = new MemoryReportSource(this);
    private final MemoryScanJobRepository scans = new MemoryScanJobRepository(this);
    private final MemoryNodeRegistry nodes = new MemoryNodeRegistry(this);
    private final MemoryProtectedPersons likeness = new MemoryProtectedPersons(this);
    private final MemoryReviewLabels reviewLabels = new MemoryReviewLabels(this);
    private final UnitOfWork unitOfWork = new UnitOfWork() {
        @Override
        public <T> T run(Supplier<T> work) {
            return MemoryStore.this.run(work);
        }

        @Override
        public void afterCommit(Runnable hook) {
            MemoryStore.this.afterCommit(hook);
        }
    };

    private MemoryStore(Tables tables) {
        this.tables = tables;
    }

    /** An empty store. */
    public static MemoryStore create() {
        return new MemoryStore(new Tables());
    }

    /**
     * The same committed data seen by a new instance (a simulated restart). Call it when no unit is
     * open on this instance; this instance should not be used afterwards.
     */
    public MemoryStore reopen() {
        lock.lock();
        try {
            if (depth > 0)
                throw new IllegalStateException("reopen inside an open unit of work: its writes are not committed yet");
            return new MemoryStore(tables);
        } finally {
            lock.unlock();
        }
    }

    public MediaRepository media() {
        return media;
    }

    public CaseRepository cases() {
        return cases;
    }

    public HashBankRepository banks() {
        return banks;
    }

    public AuditStore audit() {
        return audit;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public HoldRepository holds() {
        return holds;
    }

    public DeliveryRepository deliveries() {
        return deliveries;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public org.pramaan.generation.GenerationRepository generations() {
        return generations;
    }

    public org.pramaan.access.PersonRepository people() {
        return people;
    }

    /** The protected-persons (likeness) registry (issue 16). */
    public org.pramaan.likeness.ProtectedPersons likeness() {
        return likeness;
    }

    /** What reports read by period (issue 17). */
    public org.pramaan.reports.ReportSource reports() {
        return reports;
    }

    public IdempotencyStore idempotency() {
        return idempotency;
    }

    public org.pramaan.backscan.ScanJobRepository scans() {
        return scans;
    }

    /** The nodes sharing this store (issue 15). */
    public org.pramaan.nodes.NodeRegistry nodes() {
        return nodes;
    }

    /** Reviewers' findings on model scores (issue 16). */
    public org.pramaan.detect.ReviewLabels reviewLabels() {
        return reviewLabels;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** Reads or writes the tables under the store's lock. */
    <T> T locked(Function<Tables, T> access) {
        lock.lock();
        try {
            return access.apply(tables);
        } finally {
            lock.unlock();
        }
    }

    /**
     * One write that must be all-or-nothing on its own (e.g. a batch insert): run as a unit, so a
     * failure part-way restores the snapshot, inside or outside a caller's unit.
     */
    <T> T atomically(Function<Tables, T> write) {
        lock.lock();
        try {
            if (depth > 0) {
                // Inside a unit: a failure rolls back the whole unit when it propagates; if the caller
                // catches it, the partial batch must still not stay, so undo just this write.
                Tables before = tables.copy();
                try {
                    return write.apply(tables);
                } catch (RuntimeException | Error e) {
                    tables.restore(before);
                    throw e;
                }
            }
            return run(() -> write.apply(tables));
        } finally {
            lock.unlock();
        }
    }

    private <T> T run(Supplier<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                depth++;
                try {
                    return work.get();
                } finally {
                    depth--;
                }
            }
            Tables snapshot = tables.copy();
            depth = 1;
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                tables.restore(snapshot);
                hooks = new ArrayList<>();
                throw e;
            } finally {
                depth = 0;
            }
            List<Runnable> committed = hooks;
            hooks = new ArrayList<>();
            // Still under the lock: memory mirrors change in commit order (UnitOfWork#afterCommit).
            UnitOfWork.runHooks(committed);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private void afterCommit(Runnable hook) {
        // Another thread outside any unit is not held back by this thread's unit: its hook runs at once.
        if (lock.isHeldByCurrentThread() && depth > 0) hooks.add(hook);
        else hook.run();
    }
}

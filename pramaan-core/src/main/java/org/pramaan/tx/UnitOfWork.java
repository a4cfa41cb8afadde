package org.pramaan.tx;

import java.util.List;
import java.util.function.Supplier;

/**
 * Port: runs work so that everything it stores through the same store commits together, or
 * nothing does. A crash part-way leaves no case event without its audit entry, no bank item
 * without its {@code bank.items_added} entry, no key without its {@code key.created} entry.
 *
 * <p>The contract (checked by {@code UnitOfWorkContract} in the testkit for every adapter):
 * <ul>
 *   <li>{@link #run}: nested calls on the same thread join the outermost unit; the outermost
 *       commits when its work returns and rolls back when the work throws (the exception passes
 *       through unchanged).</li>
 *   <li>{@link #afterCommit}: registers a hook that runs once, on the registering thread, after
 *       the outermost unit committed, in registration order. Hooks of a unit that rolls back are
 *       dropped. Called outside any unit, the hook runs at once. This is how state held in memory
 *       that mirrors the store (the PDQ index, bank maps) changes only once the store's change is
 *       durable: applying it earlier lets a rolled-back write leave a phantom entry in memory.</li>
 *   <li>Hooks run before {@link #run} returns and while the unit's store lock is still held, so
 *       memory changes apply in commit order. A hook must not block on anything that waits for
 *       this store; if one throws, the others still run and the first exception is rethrown
 *       (the store change stays committed).</li>
 * </ul>
 *
 * <p>There is no default unit: every use case and every in-memory mirror gets its store's unit in
 * its constructor (issue 12), so nothing can run "outside a transaction" by omission. Tests over
 * fakes without transactions use the testkit's {@code MemoryUnitOfWork}.
 */
public interface UnitOfWork {
    <T> T run(Supplier<T> work);

    /** Runs {@code hook} once the outermost unit on this thread commits; at once outside any unit; never if it rolls back. */
    void afterCommit(Runnable hook);

    /** Runs each hook, then rethrows the first failure with the others suppressed. For adapters. */
    static void runHooks(List<Runnable> hooks) {
        RuntimeException first = null;
        for (Runnable h : hooks) {
            try {
                h.run();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }
}

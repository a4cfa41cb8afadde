package org.pramaan.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.pramaan.tx.UnitOfWork;

/**
 * The unit of work of an in-memory adapter used on its own (a fake repository or audit store in a
 * test, outside a {@link MemoryStore}): it rolls nothing back, but keeps the rest of the
 * {@link UnitOfWork} contract (checked by {@code UnitOfWorkContract}): nested units join the
 * outermost, hooks run once after the outermost returns, in order, and are dropped when it throws;
 * outside any unit a hook runs at once. So in-memory mirrors (the PDQ index, checkpoints) behave as
 * they would over a real store. Core has no such default any more (issue 12: every use case gets
 * its store's unit in its constructor); where rollback matters use {@link MemoryStore#unitOfWork()}.
 *
 * <p>Nesting is per instance and per thread, as the units of one store are: give every
 * collaborator of one test the same instance.
 */
public final class MemoryUnitOfWork implements UnitOfWork {
    /** Hooks of the unit open on this thread; absent outside any unit. Per instance on purpose: each instance is one store's units. */
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<List<Runnable>> open = new ThreadLocal<>();

    @Override
    public <T> T run(Supplier<T> work) {
        if (open.get() != null) return work.get();
        List<Runnable> hooks = new ArrayList<>();
        open.set(hooks);
        T result;
        try {
            result = work.get();
        } finally {
            open.remove();
        }
        UnitOfWork.runHooks(hooks);
        return result;
    }

    @Override
    public void afterCommit(Runnable hook) {
        List<Runnable> hooks = open.get();
        if (hooks == null) hook.run();
        else hooks.add(hook);
    }
}

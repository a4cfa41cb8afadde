package org.pramaan.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.pramaan.tx.UnitOfWork;

/**
 * A {@link UnitOfWork} that rolls nothing back but keeps the hook contract (nested units join the
 * outermost; hooks run after it returns, dropped when it throws; at once outside a unit): the
 * testkit's {@code MemoryUnitOfWork}, for core's own tests over in-memory fakes, which cannot use the
 * testkit (it depends on core). Give every collaborator of one test the same instance.
 */
public final class NoRollbackUnitOfWork implements UnitOfWork {
    /** Hooks of the unit open on this thread; absent outside any unit. */
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

package org.pramaan.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@link UnitOfWork#none()}: no rollback, but after-commit hooks keep the port's contract. */
final class NoTransactions implements UnitOfWork {
    static final NoTransactions INSTANCE = new NoTransactions();
    /** Hooks of the unit open on this thread; absent outside any unit. */
    private static final ThreadLocal<List<Runnable>> OPEN = new ThreadLocal<>();

    private NoTransactions() {}

    @Override
    public <T> T run(Supplier<T> work) {
        if (OPEN.get() != null) return work.get();
        List<Runnable> hooks = new ArrayList<>();
        OPEN.set(hooks);
        T result;
        try {
            result = work.get();
        } finally {
            OPEN.remove();
        }
        UnitOfWork.runHooks(hooks);
        return result;
    }

    @Override
    public void afterCommit(Runnable hook) {
        List<Runnable> hooks = OPEN.get();
        if (hooks == null) hook.run(); else hooks.add(hook);
    }
}

package org.pramaan.tx;

import java.util.function.Supplier;

/**
 * Port: runs work so that everything it stores through the same store commits together, or
 * nothing does. Nested calls join the outer unit. A crash part-way leaves no case event without
 * its audit entry.
 */
@FunctionalInterface
public interface UnitOfWork {
    <T> T run(Supplier<T> work);

    /** For stores without transactions (and tests): runs the work as it is. */
    static UnitOfWork none() {
        return new UnitOfWork() {
            @Override
            public <T> T run(Supplier<T> work) { return work.get(); }
        };
    }
}

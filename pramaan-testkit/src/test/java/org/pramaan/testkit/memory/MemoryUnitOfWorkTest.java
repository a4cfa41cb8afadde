package org.pramaan.testkit.memory;

import java.nio.file.Path;
import org.pramaan.testkit.contracts.UnitOfWorkContract;
import org.pramaan.tx.UnitOfWork;

/** {@link MemoryUnitOfWork} keeps the hook contract although it rolls nothing back (it replaces core's former {@code UnitOfWork.none()}). */
class MemoryUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    protected UnitOfWork createUnit(Path dir) {
        return new MemoryUnitOfWork();
    }
}

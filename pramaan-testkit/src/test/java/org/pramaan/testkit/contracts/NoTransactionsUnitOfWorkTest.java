package org.pramaan.testkit.contracts;

import java.nio.file.Path;
import org.pramaan.tx.UnitOfWork;

/** {@link UnitOfWork#none()} keeps the hook contract although it rolls nothing back. */
class NoTransactionsUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    protected UnitOfWork createUnit(Path dir) { return UnitOfWork.none(); }
}

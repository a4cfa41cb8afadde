package org.pramaan.testkit.memory;

import java.util.Objects;
import java.util.Optional;
import org.pramaan.cases.AccountRepository;
import org.pramaan.cases.AccountStanding;

final class MemoryAccountRepository implements AccountRepository {
    private final MemoryStore store;

    MemoryAccountRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<AccountStanding> find(String accountId) {
        return store.locked(t -> Optional.ofNullable(t.accounts.get(accountId)));
    }

    @Override
    public void save(AccountStanding standing) {
        Objects.requireNonNull(standing, "standing");
        store.locked(t -> t.accounts.put(standing.accountId(), standing));
    }
}

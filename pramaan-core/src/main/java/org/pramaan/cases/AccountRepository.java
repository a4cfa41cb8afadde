package org.pramaan.cases;

import java.util.Optional;

/** Port: uploader accounts' DSA art.23 standing. */
public interface AccountRepository {
    Optional<AccountStanding> find(String accountId);

    /** Inserts or replaces. */
    void save(AccountStanding standing);
}

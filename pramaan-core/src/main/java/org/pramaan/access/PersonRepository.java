package org.pramaan.access;

import java.util.List;
import java.util.Optional;

/** Port: console accounts and every person's preferences. */
public interface PersonRepository {
    /** Inserts or replaces the account with this username. */
    void saveAccount(ConsoleAccount account);

    Optional<ConsoleAccount> findAccount(String username);

    /** Every account, by username. */
    List<ConsoleAccount> accounts();

    /** The preferences stored for a person ({@link Person#id()}), if they saved any. */
    Optional<Preferences> preferences(String personId);

    /** Inserts or replaces a person's preferences. */
    void savePreferences(String personId, Preferences preferences);
}

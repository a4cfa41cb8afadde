package org.pramaan.testkit.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.ConsoleAccount;
import org.pramaan.access.PersonRepository;
import org.pramaan.access.Preferences;

final class MemoryPersonRepository implements PersonRepository {
    private final MemoryStore store;

    MemoryPersonRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void saveAccount(ConsoleAccount account) {
        Objects.requireNonNull(account, "account");
        store.locked(t -> t.consoleAccounts.put(account.username(), account));
    }

    @Override
    public Optional<ConsoleAccount> findAccount(String username) {
        return store.locked(t -> Optional.ofNullable(t.consoleAccounts.get(username)));
    }

    @Override
    public List<ConsoleAccount> accounts() {
        return store.locked(t -> List.copyOf(t.consoleAccounts.values()));
    }

    @Override
    public Optional<Preferences> preferences(String personId) {
        return store.locked(t -> Optional.ofNullable(t.preferences.get(personId)));
    }

    @Override
    public void savePreferences(String personId, Preferences preferences) {
        Objects.requireNonNull(preferences, "preferences");
        store.locked(t -> t.preferences.put(personId, preferences));
    }
}

package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.ConsoleAccount;
import org.pramaan.access.PersonRepository;
import org.pramaan.access.Preferences;
import org.pramaan.access.Role;

/** Contract for {@link PersonRepository} adapters. */
public abstract class PersonRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract PersonRepository createRepository(Path dir);

    @Test
    void storesReplacesAndListsAccountsByUsername() {
        PersonRepository repo = createRepository(dir);
        assertThat(repo.findAccount("zoe")).isEmpty();
        assertThat(repo.accounts()).isEmpty();
        ConsoleAccount zoe = new ConsoleAccount("zoe", Role.REVIEWER, false, "$argon2id$x", false, Samples.T0);
        ConsoleAccount amir = new ConsoleAccount("amir", Role.ADMIN, true, "$argon2id$y", false, Samples.T0);
        repo.saveAccount(zoe);
        repo.saveAccount(amir);
        assertThat(repo.findAccount("zoe")).contains(zoe);
        repo.saveAccount(zoe.withDisabled(true));
        assertThat(repo.findAccount("zoe")).contains(zoe.withDisabled(true));
        assertThat(repo.accounts()).containsExactly(amir, zoe.withDisabled(true));
    }

    @Test
    void storesAndReplacesPreferencesPerPerson() {
        PersonRepository repo = createRepository(dir);
        assertThat(repo.preferences("key:abc")).isEmpty();
        Preferences hi = new Preferences(false, "hi", "Asia/Kolkata");
        repo.savePreferences("key:abc", hi);
        repo.savePreferences("user:zoe", Preferences.DEFAULT);
        assertThat(repo.preferences("key:abc")).contains(hi);
        Preferences en = new Preferences(true, "en", "Europe/Berlin");
        repo.savePreferences("key:abc", en);
        assertThat(repo.preferences("key:abc")).contains(en);
        assertThat(repo.preferences("user:zoe")).contains(Preferences.DEFAULT);
    }
}

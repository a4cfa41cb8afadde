package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.AccountRepository;
import org.pramaan.cases.AccountStanding;

/** Contract for {@link AccountRepository} adapters. */
public abstract class AccountRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract AccountRepository createRepository(Path dir);

    @Test
    void storesAndReplacesAnAccountsStanding() {
        AccountRepository repo = createRepository(dir);
        assertThat(repo.find("u-1")).isEmpty();
        AccountStanding.Mark strike = new AccountStanding.Mark("EU-1", Samples.T0, Optional.empty());
        AccountStanding one = new AccountStanding("u-1", List.of(strike), List.of(), List.of());
        repo.save(one);
        assertThat(repo.find("u-1")).contains(one);
        AccountStanding.Mark suspension =
                new AccountStanding.Mark("EU-2", Samples.T0, Optional.of(Samples.T0.plus(Duration.ofDays(30))));
        AccountStanding two = new AccountStanding("u-1", List.of(strike), List.of(strike), List.of(suspension));
        repo.save(two);
        assertThat(repo.find("u-1")).contains(two);
        assertThat(two.suspendedAt(Samples.T0.plus(Duration.ofDays(29)))).isTrue();
        assertThat(two.suspendedAt(Samples.T0.plus(Duration.ofDays(30)))).isFalse();
    }
}

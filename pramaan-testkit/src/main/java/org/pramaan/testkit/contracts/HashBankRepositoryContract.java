package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.hash.BankItem;
import org.pramaan.hash.HashBankRepository;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;

/** Contract for {@link HashBankRepository} adapters. */
public abstract class HashBankRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract HashBankRepository createRepository(Path dir);

    private static BankItem item(String bank, String media) {
        return new BankItem(0, bank, media, Optional.of(new PdqResult(Hash256.fromHex("0f".repeat(32)), 90)), media,
                Optional.of("IN-1"), "note", "key:abc", Samples.T0);
    }

    @Test
    void assignsIdsKeepsOrderAndRemovesByMedia() {
        HashBankRepository repo = createRepository(dir);
        BankItem a = repo.add(item("removed", "a".repeat(64)));
        BankItem b = repo.add(item("removed", "b".repeat(64)));
        BankItem c = repo.add(item("known-deepfake", "a".repeat(64)));
        assertThat(a.id()).isPositive();
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(repo.all()).containsExactly(a, b, c);
        assertThat(repo.removeMedia("removed", "a".repeat(64))).isEqualTo(1);
        assertThat(repo.all()).containsExactly(b, c);
    }
}

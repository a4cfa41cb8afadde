package org.pramaan.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.banks.AvMatchPolicy;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.testkit.FakeClock;
import org.pramaan.tx.UnitOfWork;

/**
 * Issue 11 defect 11 at the matcher: inside a unit of work a bank write reaches the in-memory
 * index only when the unit commits, and not at all when it rolls back, over the real SQLite store.
 */
class HashBanksAfterCommitTest {
    static final Instant T = Instant.parse("2026-06-01T00:00:00Z");
    static final PdqResult PDQ = new PdqResult(Hash256.fromHex("0123456789abcdef".repeat(4)), 90);

    @TempDir
    Path dir;

    private static BankItem item() {
        return new BankItem(
                0,
                HashBanks.REMOVED,
                Optional.empty(),
                Optional.of(PDQ),
                Optional.empty(),
                Optional.empty(),
                "t",
                "",
                "t",
                T,
                Optional.empty());
    }

    @Test
    void anAddMatchesOnlyOnceItsUnitCommitsAndARolledBackAddNever() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            UnitOfWork unit = store.database().unitOfWork();
            HashBanks banks = new HashBanks(
                    store.banks(), FakeClock.at(T.toString()), Optional.empty(), AvMatchPolicy.DEFAULT, unit);
            unit.run(() -> {
                banks.ensure(
                        HashBanks.REMOVED, BankKind.REMOVED); // created in this unit: the add below must still find it
                banks.add(item());
                assertThat(banks.match(Optional.empty(), Optional.of(PDQ)))
                        .as("not committed yet")
                        .isEmpty();
                return null;
            });
            assertThat(banks.match(Optional.empty(), Optional.of(PDQ)))
                    .as("committed")
                    .hasSize(1);

            assertThatThrownBy(() -> unit.run(() -> {
                        banks.add(item());
                        throw new IllegalStateException("crash after the store write");
                    }))
                    .hasMessageContaining("crash");
            assertThat(store.banks().all()).hasSize(1);
            assertThat(banks.items(HashBanks.REMOVED))
                    .as("no phantom of the rolled-back add")
                    .hasSize(1);
        }
    }

    @Test
    void aRolledBackRemovalOrDeletionLeavesEveryEntryMatching() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            UnitOfWork unit = store.database().unitOfWork();
            HashBanks banks = new HashBanks(
                    store.banks(), FakeClock.at(T.toString()), Optional.empty(), AvMatchPolicy.DEFAULT, unit);
            banks.create(Bank.of(HashBanks.REMOVED, BankKind.REMOVED, T));
            long id = banks.add(item()).id();
            assertThatThrownBy(() -> unit.run(() -> {
                        banks.removeItem(id);
                        assertThat(banks.match(Optional.empty(), Optional.of(PDQ)))
                                .as("still matching until the removal commits")
                                .hasSize(1);
                        throw new IllegalStateException("crash after the store write");
                    }))
                    .hasMessageContaining("crash");
            assertThatThrownBy(() -> unit.run(() -> {
                        banks.delete(HashBanks.REMOVED);
                        throw new IllegalStateException("crash after the store write");
                    }))
                    .hasMessageContaining("crash");
            assertThat(store.banks().all()).extracting(BankItem::id).containsExactly(id);
            assertThat(banks.bank(HashBanks.REMOVED)).isPresent();
            assertThat(banks.match(Optional.empty(), Optional.of(PDQ)))
                    .as("no entry missing from the matcher")
                    .hasSize(1);
            unit.run(() -> banks.removeItem(id));
            assertThat(banks.match(Optional.empty(), Optional.of(PDQ))).isEmpty();
        }
    }

    /**
     * Issue 12 split the in-memory side of HashBanks out into BankIndex: the bank writes the other
     * tests do not reach (create, update, removing a medium's items) still reach memory only when
     * their unit commits, and a rolled-back one leaves memory as the store has it.
     */
    @Test
    void aRolledBackCreateUpdateOrMediaRemovalLeavesMemoryAsTheStoreHasIt() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            UnitOfWork unit = store.database().unitOfWork();
            HashBanks banks = new HashBanks(store.banks(), FakeClock.at(T.toString()), unit);
            Bank removed = banks.create(Bank.of(HashBanks.REMOVED, BankKind.REMOVED, T));
            BankItem ofMedia = new BankItem(
                    0,
                    HashBanks.REMOVED,
                    Optional.empty(),
                    Optional.of(PDQ),
                    Optional.of("media-1"),
                    Optional.empty(),
                    "t",
                    "",
                    "t",
                    T,
                    Optional.empty());
            banks.add(ofMedia);

            assertThatThrownBy(() -> unit.run(() -> {
                        banks.create(Bank.of("ghost", BankKind.NCII, T));
                        banks.update(removed.with(org.pramaan.banks.BankState.DISABLED, 10, 80, "changed"));
                        assertThat(banks.removeMedia(HashBanks.REMOVED, "media-1"))
                                .isEqualTo(1);
                        assertThat(banks.bank("ghost"))
                                .as("not in memory before the commit")
                                .isEmpty();
                        throw new IllegalStateException("crash after the store writes");
                    }))
                    .hasMessageContaining("crash");
            assertThat(store.banks().banks())
                    .extracting(Bank::name)
                    .as("the store rolled back")
                    .containsExactly(HashBanks.REMOVED);
            assertThat(banks.banks())
                    .extracting(Bank::name)
                    .as("memory as the store")
                    .containsExactly(HashBanks.REMOVED);
            assertThat(banks.bank(HashBanks.REMOVED).orElseThrow().state())
                    .isEqualTo(org.pramaan.banks.BankState.ENABLED);
            assertThat(banks.match(Optional.empty(), Optional.of(PDQ)))
                    .as("the medium's item still matches")
                    .hasSize(1);

            unit.run(() -> {
                banks.update(removed.with(org.pramaan.banks.BankState.DISABLED, 10, 80, "changed"));
                return banks.removeMedia(HashBanks.REMOVED, "media-1");
            });
            assertThat(banks.bank(HashBanks.REMOVED).orElseThrow().state())
                    .as("committed: memory follows")
                    .isEqualTo(org.pramaan.banks.BankState.DISABLED);
            assertThat(banks.items(HashBanks.REMOVED)).isEmpty();
            assertThat(store.banks().all()).isEmpty();
        }
    }
}

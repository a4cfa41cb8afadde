package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pramaan.access.ApiKeys;
import org.pramaan.access.Role;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditLog;
import org.pramaan.audit.AuditStore;
import org.pramaan.banks.BankCuration;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankState;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.memory.MemoryStore;

/**
 * Issue 12 item 2 without SQLite: every collaborator takes the memory store's unit in its
 * constructor, and that unit really rolls back, so a use case whose audit append fails after its
 * state was written keeps nothing in the store, the log or the matcher's memory. (The same cases
 * over SQLite: AtomicUseCasesTest in pramaan-app.)
 */
class AtomicUseCasesInMemoryTest {
    static final PdqResult PDQ = new PdqResult(Hash256.fromHex("0123456789abcdef".repeat(4)), 90);
    final FakeClock clock = FakeClock.at("2026-06-01T10:00:00Z");
    final MemoryStore store = MemoryStore.create();
    final FailingAuditStore failing = new FailingAuditStore(store.audit());
    final AuditLog audit = new AuditLog(failing, clock, store.unitOfWork());
    final HashBanks banks = new HashBanks(store.banks(), clock, store.unitOfWork());
    final BankCuration curation = new BankCuration(banks, audit, clock);
    final ApiKeys keys = new ApiKeys(store.apiKeys(), audit, clock);

    /** An audit store whose next append of one type fails, after the use case wrote its state. */
    static final class FailingAuditStore implements AuditStore {
        private final AuditStore real;
        private Optional<String> failType = Optional.empty();

        FailingAuditStore(AuditStore real) {
            this.real = real;
        }

        void failNext(String type) {
            failType = Optional.of(type);
        }

        @Override
        public void append(AuditEntry entry) {
            if (failType.filter(entry.type()::equals).isPresent()) {
                failType = Optional.empty();
                throw new IllegalStateException("injected: audit append of " + entry.type() + " failed");
            }
            real.append(entry);
        }

        @Override
        public Optional<AuditEntry> last() {
            return real.last();
        }

        @Override
        public Optional<Head> recordedHead() {
            return real.recordedHead();
        }

        @Override
        public void forEach(Consumer<AuditEntry> visitor) {
            real.forEach(visitor);
        }

        @Override
        public void forEachAfter(long afterSeq, Consumer<AuditEntry> visitor) {
            real.forEachAfter(afterSeq, visitor);
        }

        @Override
        public List<AuditEntry> bySubject(String subject) {
            return real.bySubject(subject);
        }

        @Override
        public void recordCheckpoint(String journal, CheckpointMark mark) {
            real.recordCheckpoint(journal, mark);
        }

        @Override
        public Optional<CheckpointMark> checkpointMark(String journal) {
            return real.checkpointMark(journal);
        }

        @Override
        public java.util.Map<String, CheckpointMark> checkpointMarks() {
            return real.checkpointMarks();
        }
    }

    private static BankItem item() {
        return new BankItem(
                0,
                "feed",
                Optional.empty(),
                Optional.of(PDQ),
                Optional.empty(),
                Optional.empty(),
                "test",
                "",
                "t",
                Instant.parse("2026-06-01T00:00:00Z"),
                Optional.empty());
    }

    private void assertFailsLeavingTheLogAsItWas(String type, Runnable useCase) {
        long before = audit.verify().entriesChecked();
        failing.failNext(type);
        assertThatThrownBy(useCase::run).hasMessageContaining("injected: audit append of " + type);
        assertThat(audit.verify().valid()).isTrue();
        assertThat(audit.verify().entriesChecked())
                .as("no entry for the failed use case")
                .isEqualTo(before);
    }

    @Test
    void aBankAndItsItemsWhoseAuditFailsLeaveNothingInTheStoreOrTheMatcher() {
        assertFailsLeavingTheLogAsItWas(
                "bank.created",
                () -> curation.create("feed", BankKind.PARTNER_FEED, BankState.ENABLED, 31, 50, "", "test"));
        assertThat(store.banks().banks()).isEmpty();
        assertThat(banks.bank("feed")).isEmpty();

        curation.create("feed", BankKind.PARTNER_FEED, BankState.ENABLED, 31, 50, "", "test");
        assertFailsLeavingTheLogAsItWas("bank.items_added", () -> curation.add("feed", List.of(item()), "test"));
        assertThat(store.banks().all()).as("the store kept nothing").isEmpty();
        assertThat(banks.match(Optional.empty(), Optional.of(PDQ)))
                .as("no phantom entry in the matcher")
                .isEmpty();

        long id = curation.add("feed", List.of(item()), "test").get(0).id();
        assertFailsLeavingTheLogAsItWas("bank.item_removed", () -> curation.removeItem("feed", id, "test"));
        assertThat(store.banks().all()).extracting(BankItem::id).containsExactly(id);
        assertThat(banks.match(Optional.empty(), Optional.of(PDQ)))
                .as("no entry missing from the matcher")
                .hasSize(1);
    }

    @Test
    void aKeyWhoseAuditFailsIsNotStoredAndDoesNotAuthenticate() {
        String secret = "pmn_unaudited_key_0123456789abcdef";
        assertFailsLeavingTheLogAsItWas("key.created", () -> keys.register(Role.ADMIN, "no record", secret));
        assertThat(store.apiKeys().all()).isEmpty();
        assertThat(keys.authenticate(secret)).isEmpty();
        keys.register(Role.ADMIN, "recorded", secret);
        assertThat(keys.authenticate(secret)).isPresent();
    }
}

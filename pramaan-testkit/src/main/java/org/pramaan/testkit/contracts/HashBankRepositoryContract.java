package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankState;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;

/** Contract for {@link HashBankRepository} adapters. */
public abstract class HashBankRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract HashBankRepository createRepository(Path dir);

    private static BankItem item(String bank, String media) {
        return BankItem.fromMedia(
                bank,
                media,
                Optional.of(new PdqResult(Hash256.fromHex("0f".repeat(32)), 90)),
                Optional.of("IN-1"),
                "note",
                "key:abc",
                Samples.T0);
    }

    private static BankItem hashOnly(String bank, String hex) {
        return new BankItem(
                0,
                bank,
                Optional.empty(),
                Optional.of(new PdqResult(Hash256.fromHex(hex), 77)),
                Optional.empty(),
                Optional.empty(),
                "stopncii-feed",
                "",
                "import",
                Samples.T0,
                Optional.of(Samples.T0.plusSeconds(3600)));
    }

    @Test
    void keepsVpdqFramesAndAudioFingerprints() {
        HashBankRepository repo = createRepository(dir);
        List<org.pramaan.hash.VpdqFrame> frames = List.of(
                new org.pramaan.hash.VpdqFrame(0, 0, Hash256.fromHex("1e".repeat(32)), 100),
                new org.pramaan.hash.VpdqFrame(25, 1.0, Hash256.fromHex("2d".repeat(32)), 64));
        org.pramaan.hash.AudioFingerprint fp = new org.pramaan.hash.AudioFingerprint(
                new int[] {1, -7, 0x7fffffff}, new boolean[] {false, true, false}, 3.5);
        BankItem video = repo.add(BankItem.fromMedia(
                "removed",
                "c".repeat(64),
                Optional.empty(),
                new org.pramaan.hash.AvHashes(frames, Optional.of(fp), List.of()),
                Optional.of("IN-2"),
                "takedown",
                "key:abc",
                Samples.T0));
        assertThat(repo.all()).containsExactly(video);
        assertThat(repo.all().get(0).av().vpdq()).isEqualTo(frames);
        assertThat(repo.all().get(0).av().audio()).contains(fp);
    }

    @Test
    void savesAndReplacesBankSettings() {
        HashBankRepository repo = createRepository(dir);
        Bank b = new Bank("ncii", BankKind.NCII, BankState.SHADOW, 20, 70, "partner hashes", Samples.T0);
        repo.saveBank(b);
        repo.saveBank(Bank.of("removed", BankKind.REMOVED, Samples.T0));
        assertThat(repo.banks()).extracting(Bank::name).containsExactly("ncii", "removed");
        assertThat(repo.banks().get(0)).isEqualTo(b);
        Bank enabled = b.with(BankState.ENABLED, 31, 50, "trusted now");
        repo.saveBank(enabled);
        assertThat(repo.banks().get(0)).isEqualTo(enabled);
    }

    @Test
    void assignsIdsKeepsOrderAndRemovesByMediaItemAndBank() {
        HashBankRepository repo = createRepository(dir);
        BankItem a = repo.add(item("removed", "a".repeat(64)));
        BankItem b = repo.add(item("removed", "b".repeat(64)));
        List<BankItem> more =
                repo.addAll(List.of(item("known-deepfake", "a".repeat(64)), hashOnly("ncii", "ab".repeat(32))));
        assertThat(a.id()).isPositive();
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(repo.all()).containsExactly(a, b, more.get(0), more.get(1));
        assertThat(repo.removeMedia("removed", "a".repeat(64))).isEqualTo(1);
        assertThat(repo.removeItem(b.id())).isTrue();
        assertThat(repo.removeItem(b.id())).isFalse();
        assertThat(repo.all()).containsExactlyElementsOf(more);
        repo.saveBank(Bank.of("ncii", BankKind.NCII, Samples.T0));
        assertThat(repo.deleteBank("ncii")).isTrue();
        assertThat(repo.all()).containsExactly(more.get(0));
        assertThat(repo.banks()).isEmpty();
    }

    @Test
    void aBadItemInABatchStoresNothing() {
        HashBankRepository repo = createRepository(dir);
        repo.add(item("removed", "a".repeat(64)));
        assertThatThrownBy(() -> repo.addAll(List.of(item("removed", "b".repeat(64)), null)))
                .isInstanceOf(RuntimeException.class);
        assertThat(repo.all()).hasSize(1);
    }

    @Test
    void countsShadowHitsPerBankAndForgetsThemWithTheBank() {
        HashBankRepository repo = createRepository(dir);
        repo.saveBank(new Bank("feed", BankKind.PARTNER_FEED, BankState.SHADOW, 31, 50, "", Samples.T0));
        repo.saveBank(new Bank("trial", BankKind.KNOWN_DEEPFAKE, BankState.SHADOW, 31, 50, "", Samples.T0));
        assertThat(repo.shadowHits()).isEmpty();
        repo.countShadowHits(List.of("feed", "trial"));
        repo.countShadowHits(List.of("feed"));
        repo.countShadowHits(List.of());
        assertThat(repo.shadowHits()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("feed", 2L, "trial", 1L));
        assertThat(repo.deleteBank("feed")).isTrue();
        assertThat(repo.shadowHits()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("trial", 1L));
    }
}

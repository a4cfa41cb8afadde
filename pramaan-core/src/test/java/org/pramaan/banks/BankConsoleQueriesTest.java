package org.pramaan.banks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;

/** What the console's Banks pages ask of {@link HashBanks}: a curator's near search and the shadow-hit counts. */
class BankConsoleQueriesTest {
    static final Instant T = Instant.parse("2026-05-01T00:00:00Z");
    final InMemoryBankRepository repo = new InMemoryBankRepository();
    final HashBanks banks =
            new HashBanks(repo, Clock.fixed(T, ZoneOffset.UTC), new org.pramaan.testing.NoRollbackUnitOfWork());

    static final Hash256 H = Hash256.fromHex("0f".repeat(32));

    static Hash256 flip(int bits) {
        return Hash256.of(H.word(0), H.word(1), H.word(2), H.word(3) ^ ((1L << bits) - 1));
    }

    BankItem item(String bank, Hash256 h) {
        return new BankItem(
                0,
                bank,
                Optional.empty(),
                Optional.of(new PdqResult(h, 90)),
                Optional.empty(),
                Optional.empty(),
                "test",
                "",
                "t",
                T,
                Optional.empty());
    }

    @Test
    void nearSearchFindsThisBanksItemsWithinTheRadiusNearestFirstWhateverItsState() {
        banks.create(new Bank("off", BankKind.PARTNER_FEED, BankState.DISABLED, 31, 50, "", T));
        banks.create(Bank.of("other", BankKind.REMOVED, T));
        banks.add(item("off", flip(20)));
        banks.add(item("off", flip(3)));
        banks.add(item("off", flip(40)));
        banks.add(item("other", H));
        assertThat(banks.near("off", H, 31)).extracting(BankItemHit::distance).containsExactly(3, 20);
        assertThat(banks.near("off", H, 10)).extracting(BankItemHit::distance).containsExactly(3);
        // A disabled bank matches nothing, yet a curator still finds its items.
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(H, 90))))
                .extracting(BankMatch::bank)
                .containsExactly("other");
        assertThatThrownBy(() -> banks.near("off", H, 32))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("0..31");
    }

    @Test
    void shadowHitsCountEachShadowBankOncePerScreeningAndNothingElse() {
        banks.create(new Bank("trial", BankKind.KNOWN_DEEPFAKE, BankState.SHADOW, 31, 50, "", T));
        banks.create(Bank.of("live", BankKind.KNOWN_DEEPFAKE, T));
        banks.add(item("trial", H));
        banks.add(item("trial", flip(2)));
        banks.add(item("live", H));
        List<BankMatch> matches = banks.match(Optional.empty(), Optional.of(new PdqResult(H, 90)));
        assertThat(matches).hasSize(3);
        banks.countShadowHits(matches);
        banks.countShadowHits(banks.match(
                Optional.empty(), Optional.of(new PdqResult(Hash256.fromHex("f0".repeat(32)), 90))));
        assertThat(banks.shadowHits()).isEqualTo(Map.of("trial", 1L));
        banks.countShadowHits(matches);
        assertThat(banks.shadowHits()).isEqualTo(Map.of("trial", 2L));
    }
}

package org.pramaan.banks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;

class HashBanksTest {
    static final Instant T = Instant.parse("2026-05-01T00:00:00Z");
    final InMemoryBankRepository repo = new InMemoryBankRepository();
    final HashBanks banks =
            new HashBanks(repo, Clock.fixed(T, ZoneOffset.UTC), new org.pramaan.testing.NoRollbackUnitOfWork());
    final Random random = new Random(31);

    Hash256 randomHash() {
        return Hash256.of(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** The hash with exactly {@code bits} low bits flipped. */
    static Hash256 flip(Hash256 h, int bits) {
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        return Hash256.of(h.word(0), h.word(1), h.word(2), h.word(3) ^ mask);
    }

    BankItem item(String bank, Hash256 h, int quality) {
        return new BankItem(
                0,
                bank,
                Optional.empty(),
                Optional.of(new PdqResult(h, quality)),
                Optional.empty(),
                Optional.empty(),
                "test",
                "",
                "t",
                T,
                Optional.empty());
    }

    @Test
    void eachBankUsesItsOwnThresholdAndQualityFloor() {
        Hash256 h = randomHash();
        banks.create(new Bank("strict", BankKind.PARTNER_FEED, BankState.ENABLED, 10, 80, "", T));
        banks.create(Bank.of("removed", BankKind.REMOVED, T));
        banks.add(item("strict", h, 90));
        banks.add(item("removed", h, 90));
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(flip(h, 20), 90))))
                .extracting(BankMatch::bank)
                .containsExactly("removed");
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(flip(h, 8), 90))))
                .extracting(BankMatch::bank)
                .containsExactly("strict", "removed");
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(flip(h, 8), 60))))
                .extracting(BankMatch::bank)
                .containsExactly("removed");
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(flip(h, 32), 90))))
                .isEmpty();
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(flip(h, 31), 90))))
                .singleElement()
                .satisfies(m -> assertThat(m.distance()).isEqualTo(31));
    }

    @Test
    void disabledBanksAndItemsDoNotMatchShadowAndAllowListedMatchesAreInert() {
        Hash256 h = randomHash();
        Bank shadow = banks.create(new Bank("feed", BankKind.PARTNER_FEED, BankState.SHADOW, 31, 50, "", T));
        banks.add(item("feed", h, 90));
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(h, 90))))
                .singleElement()
                .satisfies(m -> assertThat(m.inert()).contains("shadow"));
        banks.update(shadow.with(BankState.DISABLED, 31, 50, ""));
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(h, 90))))
                .isEmpty();
        banks.update(shadow.with(BankState.ENABLED, 31, 50, ""));
        banks.create(Bank.of("fp", BankKind.ALLOW_LIST, T));
        banks.add(item("fp", flip(h, 2), 90));
        List<BankMatch> both = banks.match(Optional.empty(), Optional.of(new PdqResult(h, 90)));
        assertThat(both)
                .filteredOn(m -> m.bank().equals("feed"))
                .singleElement()
                .satisfies(m -> assertThat(m.inert()).contains("allow-listed"));
        assertThat(both)
                .filteredOn(m -> m.bank().equals("fp"))
                .singleElement()
                .satisfies(m -> assertThat(m.acts()).isTrue());
        Hash256 later = randomHash();
        banks.add(new BankItem(
                0,
                "feed",
                Optional.empty(),
                Optional.of(new PdqResult(later, 90)),
                Optional.empty(),
                Optional.empty(),
                "t",
                "",
                "t",
                T,
                Optional.of(T.plusSeconds(60))));
        assertThat(banks.match(Optional.empty(), Optional.of(new PdqResult(later, 90))))
                .as("disabled until later")
                .isEmpty();
    }

    @Test
    void itemsMustNameAnExistingBankAndKindsCannotChange() {
        assertThatThrownBy(() -> banks.add(item("nope", randomHash(), 90)))
                .hasMessageContaining("no bank named 'nope'");
        banks.ensure("removed", BankKind.REMOVED);
        assertThatThrownBy(() -> banks.ensure("removed", BankKind.NCII)).hasMessageContaining("kind removed");
        assertThatThrownBy(() -> new Bank("Bad Name", BankKind.NCII, BankState.ENABLED, 31, 50, "", T))
                .hasMessageContaining("bank name");
    }

    @Test
    void csvImportIsAllOrNothingAndNamesTheBadLine() throws Exception {
        banks.create(Bank.of("ncii", BankKind.NCII, T));
        String good = "hash,quality,note\n" + randomHash().toHex() + ",90,\"first, with comma\"\n\n# comment\n"
                + randomHash().toHex() + ",75,second\n";
        List<BankItem> parsed =
                BankFiles.parse(BankFiles.Format.CSV, "ncii", new StringReader(good), "upload.csv", "key:x", T);
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).note()).isEqualTo("first, with comma");
        banks.addAll(parsed);
        String bad =
                randomHash().toHex() + ",90\n" + "zz" + randomHash().toHex().substring(2) + ",90\n";
        assertThatThrownBy(() -> BankFiles.parse(BankFiles.Format.CSV, "ncii", new StringReader(bad), "f", "k", T))
                .isInstanceOf(BankFiles.ImportException.class)
                .hasMessageStartingWith("line 2:")
                .hasMessageContaining("not a 64-digit hex PDQ hash");
        assertThatThrownBy(() -> BankFiles.parse(
                        BankFiles.Format.CSV,
                        "ncii",
                        new StringReader(randomHash().toHex() + ",101\n"),
                        "f",
                        "k",
                        T))
                .hasMessageContaining("line 1")
                .hasMessageContaining("outside 0..100");
        assertThat(banks.items("ncii")).hasSize(2);
    }

    @Test
    void jsonlAndBareListsRoundTrip() throws Exception {
        banks.create(Bank.of("known", BankKind.KNOWN_DEEPFAKE, T));
        String lines = randomHash().toHex() + "\n" + randomHash().toHex() + "\n";
        List<BankItem> fromLines =
                BankFiles.parse(BankFiles.Format.LINES, "known", new StringReader(lines), "te-export", "k", T);
        assertThat(fromLines)
                .allSatisfy(i -> assertThat(i.pdq().orElseThrow().quality()).isEqualTo(100));
        List<BankItem> stored = banks.addAll(fromLines);
        StringWriter jsonl = new StringWriter();
        BankFiles.write(BankFiles.Format.JSONL, stored, jsonl);
        List<BankItem> back =
                BankFiles.parse(BankFiles.Format.JSONL, "known", new StringReader(jsonl.toString()), "x", "k", T);
        assertThat(back)
                .extracting(BankItem::pdq)
                .containsExactlyElementsOf(stored.stream().map(BankItem::pdq).toList());
        StringWriter csv = new StringWriter();
        BankFiles.write(BankFiles.Format.CSV, stored, csv);
        assertThat(BankFiles.parse(BankFiles.Format.CSV, "known", new StringReader(csv.toString()), "x", "k", T))
                .hasSize(2);
        assertThatThrownBy(() -> BankFiles.parse(
                        BankFiles.Format.JSONL,
                        "known",
                        new StringReader("{\"pdq\":\"" + randomHash().toHex() + "\"}\n{oops"),
                        "x",
                        "k",
                        T))
                .hasMessageContaining("line 1")
                .hasMessageContaining("quality is missing");
    }
}

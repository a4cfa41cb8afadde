package org.pramaan.banks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.testing.NoRollbackUnitOfWork;

/** Bank matching through the PDQ index gives what the linear scan it replaced gave, and restarts load the snapshot. */
class HashBanksIndexTest {
    static final Instant T = Instant.parse("2026-05-01T00:00:00Z");
    final Clock clock = Clock.fixed(T, ZoneOffset.UTC);

    @TempDir
    Path dir;

    static Hash256 flip(Random r, Hash256 h, int k) {
        long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
        java.util.Set<Integer> bits = new java.util.HashSet<>();
        while (bits.size() < k) bits.add(r.nextInt(256));
        for (int b : bits) w[b >>> 6] ^= 1L << (b & 63);
        return Hash256.of(w[0], w[1], w[2], w[3]);
    }

    static Hash256 random(Random r) {
        return Hash256.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    static BankItem item(String bank, Hash256 h, int quality, Optional<Instant> disabledUntil) {
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
                disabledUntil);
    }

    /** The v1 linear scan, kept here as the oracle for bank semantics. */
    static List<BankMatch> linearScan(List<Bank> banks, List<BankItem> items, PdqResult q) {
        List<BankMatch> out = new ArrayList<>();
        for (BankItem i : items) {
            Bank b = banks.stream()
                    .filter(x -> x.name().equals(i.bank()))
                    .findFirst()
                    .orElse(null);
            if (b == null
                    || q.quality() < b.qualityFloor()
                    || i.pdq().orElseThrow().quality() < b.qualityFloor()) continue;
            int d = i.pdq().orElseThrow().hash().distance(q.hash());
            if (d > b.pdqThreshold() || b.state() == BankState.DISABLED || !i.activeAt(T)) continue;
            out.add(new BankMatch(
                    b.name(),
                    b.kind(),
                    i.id(),
                    "pdq",
                    d,
                    Optional.empty(),
                    Optional.empty(),
                    b.state() == BankState.SHADOW ? Optional.of("shadow") : Optional.empty()));
        }
        boolean allowed = out.stream().anyMatch(m -> m.kind() == BankKind.ALLOW_LIST && m.acts());
        return out.stream()
                .map(m -> allowed && m.kind() != BankKind.ALLOW_LIST && m.acts() ? m.madeInert("allow-listed") : m)
                .toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void matchesEqualTheLinearScan(long seed) {
        Random r = new Random(seed);
        InMemoryBankRepository repo = new InMemoryBankRepository();
        HashBanks banks = new HashBanks(repo, clock, new NoRollbackUnitOfWork());
        banks.create(new Bank("strict", BankKind.PARTNER_FEED, BankState.ENABLED, 10, 80, "", T));
        banks.create(Bank.of("removed", BankKind.REMOVED, T));
        banks.create(new Bank("wide", BankKind.KNOWN_DEEPFAKE, BankState.ENABLED, 40, 50, "", T));
        banks.create(new Bank("shadow", BankKind.PARTNER_FEED, BankState.SHADOW, 31, 50, "", T));
        banks.create(new Bank("off", BankKind.NCII, BankState.DISABLED, 31, 0, "", T));
        banks.create(new Bank("fp", BankKind.ALLOW_LIST, BankState.ENABLED, 4, 50, "", T));
        String[] names = {"strict", "removed", "wide", "shadow", "off", "fp"};
        List<Hash256> centers = new ArrayList<>();
        for (int c = 0; c < 30; c++) centers.add(random(r));
        for (int i = 0; i < 1_500; i++) {
            Hash256 h = i % 3 == 0 ? random(r) : flip(r, centers.get(r.nextInt(centers.size())), r.nextInt(45));
            Optional<Instant> until = r.nextInt(10) == 0
                    ? Optional.of(r.nextBoolean() ? T.plusSeconds(60) : T.minusSeconds(60))
                    : Optional.empty();
            banks.add(item(names[r.nextInt(names.length)], h, 30 + r.nextInt(71), until));
        }
        for (int i = 0; i < 100; i++) banks.removeItem(1 + r.nextInt(1_500));
        // Restarted, every item sits in the multi-index (main segment) rather than the delta.
        HashBanks restarted = new HashBanks(repo, clock, new NoRollbackUnitOfWork());
        int compared = 0;
        for (int q = 0; q < 150; q++) {
            PdqResult query =
                    new PdqResult(flip(r, centers.get(r.nextInt(centers.size())), r.nextInt(40)), 40 + r.nextInt(61));
            List<BankMatch> expected = linearScan(banks.banks(), repo.all(), query);
            assertThat(banks.match(Optional.empty(), Optional.of(query)))
                    .as("query %d", q)
                    .isEqualTo(expected);
            assertThat(restarted.match(Optional.empty(), Optional.of(query)))
                    .as("query %d after restart", q)
                    .isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).as("the data has matches to compare").isGreaterThan(100);
    }

    @Test
    void aRestartLoadsTheSnapshotAndAChangedOrDamagedOneIsRebuilt() throws IOException {
        Random r = new Random(9);
        Path snap = dir.resolve("pdq-index.snapshot");
        InMemoryBankRepository repo = new InMemoryBankRepository();
        HashBanks first =
                new HashBanks(repo, clock, Optional.of(snap), AvMatchPolicy.DEFAULT, new NoRollbackUnitOfWork());
        assertThat(first.indexStatus()).startsWith("rebuilt: no snapshot at");
        first.create(Bank.of("removed", BankKind.REMOVED, T));
        Hash256 h = random(r);
        for (int i = 0; i < 200; i++) first.add(item("removed", i == 0 ? h : random(r), 90, Optional.empty()));
        first.saveIndexSnapshot();
        PdqResult q = new PdqResult(flip(r, h, 25), 90);
        List<BankMatch> before = first.match(Optional.empty(), Optional.of(q));
        assertThat(before).hasSize(1);

        HashBanks second =
                new HashBanks(repo, clock, Optional.of(snap), AvMatchPolicy.DEFAULT, new NoRollbackUnitOfWork());
        assertThat(second.indexStatus()).isEqualTo("loaded from " + snap);
        assertThat(second.match(Optional.empty(), Optional.of(q))).isEqualTo(before);

        repo.add(item("removed", random(r), 90, Optional.empty()));
        HashBanks third =
                new HashBanks(repo, clock, Optional.of(snap), AvMatchPolicy.DEFAULT, new NoRollbackUnitOfWork());
        assertThat(third.indexStatus()).contains("differ from the repository");
        assertThat(third.match(Optional.empty(), Optional.of(q))).isEqualTo(before);

        third.saveIndexSnapshot();
        try (RandomAccessFile raf = new RandomAccessFile(snap.toFile(), "rw")) {
            raf.seek(100);
            int b = raf.read();
            raf.seek(100);
            raf.write(b ^ 1);
        }
        HashBanks fourth =
                new HashBanks(repo, clock, Optional.of(snap), AvMatchPolicy.DEFAULT, new NoRollbackUnitOfWork());
        assertThat(fourth.indexStatus()).contains("fails its checksum");
        assertThat(fourth.match(Optional.empty(), Optional.of(q))).isEqualTo(before);
    }
}

package org.pramaan.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.VpdqFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time of one upload's vPDQ match against N banked videos (the linear scan), on random frames so no
 * pair matches and every banked video is compared in full: the worst case per banked video.
 */
@Command(
        name = "avmatch",
        description = "vPDQ bank scan: ms per upload against N banked videos of F frames (random, no matches).")
final class AvMatchBenchCommand implements Callable<Integer> {
    @Option(names = "--videos", defaultValue = "1000", description = "banked videos")
    int videos;

    @Option(
            names = "--frames",
            defaultValue = "180",
            description = "frames per banked video (180: 3 minutes at 1 frame/s)")
    int frames;

    @Option(names = "--query-frames", defaultValue = "20", description = "frames of the upload (20: a 20 s clip)")
    int queryFrames;

    @Option(names = "--rounds", defaultValue = "20")
    int rounds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Random r = new Random(1);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        HashBanks banks = new HashBanks(new Scratch(), Clock.fixed(t, ZoneOffset.UTC), Scratch.NO_TRANSACTIONS);
        banks.ensure(HashBanks.REMOVED, BankKind.REMOVED);
        List<BankItem> items = new ArrayList<>();
        for (int v = 0; v < videos; v++) {
            items.add(new BankItem(
                    0,
                    HashBanks.REMOVED,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "bench",
                    "",
                    "bench",
                    t,
                    Optional.empty(),
                    new AvHashes(random(r, frames), Optional.empty(), List.of())));
        }
        banks.addAll(items);
        if (banks.items(HashBanks.REMOVED).size() != videos)
            throw new IllegalStateException("expected " + videos + " banked videos, have "
                    + banks.items(HashBanks.REMOVED).size());
        AvHashes query = new AvHashes(random(r, queryFrames), Optional.empty(), List.of());
        for (int w = 0; w < 5; w++) banks.matchByScan(Optional.empty(), Optional.empty(), query);
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) banks.matchByScan(Optional.empty(), Optional.empty(), query);
        double ms = (System.nanoTime() - t0) / 1e6 / rounds;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s%n", BenchCommand.machine());
        out.println("| banked videos | frames each | upload frames | ms per upload | ns per frame pair |");
        out.println("|---|---|---|---|---|");
        out.printf(
                Locale.ROOT,
                "| %,d | %d | %d | %.1f | %.1f |%n",
                videos,
                frames,
                queryFrames,
                ms,
                ms * 1e6 / ((double) videos * frames * queryFrames));
        return 0;
    }

    private static List<VpdqFrame> random(Random r, int n) {
        List<VpdqFrame> f = new ArrayList<>(n);
        for (int s = 0; s < n; s++)
            f.add(new VpdqFrame(s, s, Hash256.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()), 90));
        return f;
    }

    /** An in-memory repository: the bench measures matching, not storage. */
    static final class Scratch implements HashBankRepository {
        /**
         * The scratch store has no transactions and the bench opens no unit: each write applies at
         * once, as the unit-of-work contract has it for writes outside a unit, so the matcher sees it
         * when the write returns.
         */
        static final org.pramaan.tx.UnitOfWork NO_TRANSACTIONS = new org.pramaan.tx.UnitOfWork() {
            @Override
            public <T> T run(java.util.function.Supplier<T> work) {
                return work.get();
            }

            @Override
            public void afterCommit(Runnable hook) {
                hook.run();
            }
        };

        private final List<Bank> banks = new ArrayList<>();
        private final List<BankItem> items = new ArrayList<>();

        @Override
        public void saveBank(Bank b) {
            banks.removeIf(x -> x.name().equals(b.name()));
            banks.add(b);
        }

        @Override
        public List<Bank> banks() {
            return List.copyOf(banks);
        }

        @Override
        public boolean deleteBank(String name) {
            return banks.removeIf(x -> x.name().equals(name));
        }

        @Override
        public BankItem add(BankItem item) {
            return addAll(List.of(item)).get(0);
        }

        @Override
        public List<BankItem> addAll(List<BankItem> list) {
            List<BankItem> stored = new ArrayList<>();
            for (BankItem i : list) stored.add(i.withId(items.size() + stored.size() + 1L));
            items.addAll(stored);
            return stored;
        }

        @Override
        public List<BankItem> all() {
            return List.copyOf(items);
        }

        @Override
        public boolean removeItem(long id) {
            return items.removeIf(i -> i.id() == id);
        }

        @Override
        public int removeMedia(String bank, String mediaId) {
            return 0;
        }
    }
}

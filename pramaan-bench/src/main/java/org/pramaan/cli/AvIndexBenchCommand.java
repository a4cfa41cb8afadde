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
import org.pramaan.banks.AvIndexStats;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankMatch;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.VpdqFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Banked video and audio at scale (issue 18): per-upload time of the indexed search against the
 * linear scan in the same run, and whether they return the same matches. Banked items are random
 * (synthetic hashes); half the uploads are noisy cuts of banked items (they match), half random.
 */
@Command(
        name = "avindex",
        description = "vPDQ/audio bank index vs linear scan: ms per upload, agreement, memory, for N banked items.")
final class AvIndexBenchCommand implements Callable<Integer> {
    @Option(names = "--videos", split = ",", defaultValue = "1000,10000", description = "banked videos per run")
    List<Integer> videos;

    @Option(names = "--sounds", split = ",", defaultValue = "1000,10000", description = "banked sounds per run")
    List<Integer> sounds;

    @Option(names = "--frames", defaultValue = "180", description = "frames per banked video (3 min at 1/s)")
    int frames;

    @Option(names = "--query-frames", defaultValue = "20", description = "frames per upload (a 20 s clip)")
    int queryFrames;

    @Option(names = "--items", defaultValue = "1453", description = "sub-fingerprints per banked sound (3 min)")
    int items;

    @Option(names = "--query-items", defaultValue = "161", description = "sub-fingerprints per upload (20 s)")
    int queryItems;

    @Option(names = "--queries", defaultValue = "200", description = "uploads timed on the index")
    int queries;

    @Option(names = "--scan-queries", defaultValue = "10", description = "of those, uploads also run by the scan")
    int scanQueries;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Random r = new Random(18);
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s%n", BenchCommand.machine());
        out.println("| kind | banked | hashes indexed | build s | ms/upload index | ms/upload scan | speed-up "
                + "| same result as scan | uploads matched | index MB (B/hash) | heap MB (B/hash) |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int n : videos) if (n > 0) run(out, true, n);
        for (int n : sounds) if (n > 0) run(out, false, n);
        return 0;
    }

    private void run(PrintWriter out, boolean video, int n) {
        long heap0 = usedHeap();
        AvMatchBenchCommand.Scratch repo = new AvMatchBenchCommand.Scratch();
        List<BankItem> banked = new ArrayList<>(n);
        for (int v = 0; v < n; v++)
            banked.add(item(
                    video
                            ? new AvHashes(frames(frames), Optional.empty(), List.of())
                            : new AvHashes(List.of(), Optional.of(sound(items)), List.of())));
        HashBanks seed =
                new HashBanks(repo, Clock.fixed(T, ZoneOffset.UTC), AvMatchBenchCommand.Scratch.NO_TRANSACTIONS);
        seed.ensure(HashBanks.REMOVED, BankKind.REMOVED);
        repo.addAll(banked); // stored first, so the index is built in bulk at open, as at a restart
        long t0 = System.nanoTime();
        HashBanks banks =
                new HashBanks(repo, Clock.fixed(T, ZoneOffset.UTC), AvMatchBenchCommand.Scratch.NO_TRANSACTIONS);
        double buildS = (System.nanoTime() - t0) / 1e9;
        long heap = usedHeap() - heap0;
        List<AvHashes> uploads = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            AvHashes src = repo.all().get(r.nextInt(n)).av();
            boolean copy = q % 2 == 0;
            uploads.add(
                    video
                            ? new AvHashes(copy ? clip(src.vpdq()) : frames(queryFrames), Optional.empty(), List.of())
                            : new AvHashes(
                                    List.of(),
                                    Optional.of(copy ? cut(src.audio().orElseThrow()) : sound(queryItems)),
                                    List.of()));
        }
        for (int w = 0; w < Math.min(50, queries); w++) banks.match(Optional.empty(), Optional.empty(), uploads.get(w));
        int matched = 0;
        t0 = System.nanoTime();
        List<List<BankMatch>> indexed = new ArrayList<>();
        for (AvHashes u : uploads) {
            List<BankMatch> m = banks.match(Optional.empty(), Optional.empty(), u);
            indexed.add(m);
            if (!m.isEmpty()) matched++;
        }
        double indexMs = (System.nanoTime() - t0) / 1e6 / queries;
        int scans = Math.min(scanQueries, queries), same = 0;
        banks.matchByScan(Optional.empty(), Optional.empty(), uploads.get(0)); // one untimed
        t0 = System.nanoTime();
        for (int q = 0; q < scans; q++)
            if (banks.matchByScan(Optional.empty(), Optional.empty(), uploads.get(q))
                    .equals(indexed.get(q))) same++;
        double scanMs = (System.nanoTime() - t0) / 1e6 / Math.max(1, scans);
        AvIndexStats s = banks.avIndexStats();
        long hashes = video ? s.frames() : (long) n * items;
        long indexBytes = video ? s.frameIndexBytes() : s.audioIndexBytes();
        out.printf(
                Locale.ROOT,
                "| %s | %,d | %,d | %.1f | %.2f | %.1f | %.0f× | %d / %d | %d / %d | %,.0f (%.1f) | %,.0f (%.1f) |%n",
                video ? "video" : "audio",
                n,
                hashes,
                buildS,
                indexMs,
                scanMs,
                scanMs / indexMs,
                same,
                scans,
                matched,
                queries,
                indexBytes / 1e6,
                (double) indexBytes / hashes,
                heap / 1e6,
                (double) heap / hashes);
        out.flush();
    }

    private BankItem item(AvHashes av) {
        return new BankItem(
                0,
                HashBanks.REMOVED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "bench",
                "",
                "bench",
                T,
                Optional.empty(),
                av);
    }

    private List<VpdqFrame> frames(int count) {
        List<VpdqFrame> f = new ArrayList<>(count);
        for (int s = 0; s < count; s++)
            f.add(new VpdqFrame(s, s, Hash256.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()), 90));
        return f;
    }

    /** {@code queryFrames} consecutive banked frames, re-timed, each a few bits off (a re-encoded cut). */
    private List<VpdqFrame> clip(List<VpdqFrame> v) {
        int from = r.nextInt(Math.max(1, v.size() - queryFrames));
        List<VpdqFrame> out = new ArrayList<>();
        for (int s = from; s < Math.min(v.size(), from + queryFrames); s++) {
            Hash256 h = v.get(s).hash();
            out.add(new VpdqFrame(
                    s - from,
                    s - from,
                    Hash256.of(h.word(0) ^ (1L << r.nextInt(64)), h.word(1), h.word(2), h.word(3) ^ 0x70F),
                    80));
        }
        return out;
    }

    private AudioFingerprint sound(int count) {
        int[] v = new int[count];
        boolean[] weak = new boolean[count];
        for (int i = 0; i < count; i++) {
            v[i] = r.nextInt();
            weak[i] = r.nextInt(20) == 0;
        }
        return new AudioFingerprint(v, weak, count * AudioFingerprint.SECONDS_PER_ITEM);
    }

    /** {@code queryItems} banked sub-fingerprints, each 0-5 bits off (a re-encoded cut). */
    private AudioFingerprint cut(AudioFingerprint a) {
        int from = r.nextInt(Math.max(1, a.count() - queryItems));
        int n = Math.min(queryItems, a.count() - from);
        int[] v = new int[n];
        boolean[] weak = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = a.subFingerprints()[from + i];
            for (int k = r.nextInt(6); k > 0; k--) v[i] ^= 1 << r.nextInt(32);
            weak[i] = a.weak()[from + i];
        }
        return new AudioFingerprint(v, weak, n * AudioFingerprint.SECONDS_PER_ITEM);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}

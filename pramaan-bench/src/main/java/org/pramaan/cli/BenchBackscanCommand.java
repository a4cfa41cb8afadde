package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pramaan.access.Actor;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Tier;
import org.pramaan.backscan.BackScans;
import org.pramaan.backscan.BankAdditionScans;
import org.pramaan.backscan.ScanJob;
import org.pramaan.backscan.ScanPolicy;
import org.pramaan.backscan.ScanRunner;
import org.pramaan.backscan.ScanSettings;
import org.pramaan.backscan.ScanSource;
import org.pramaan.backscan.StoredMediaIndex;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.decision.Decision;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaStatus;
import org.pramaan.media.Dimensions;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Back-scan throughput on a scratch embedded store (issue 17 part 2), on the job runner's one worker
 * thread, so items/s is per core: re-matching stored hashes (a full stored-media job, and the
 * bank-addition path: stored-media index query plus a job over the candidates, against the target of
 * 100 images/s per core), and a fresh folder scan that decodes and hashes real JPEGs.
 */
@Command(
        name = "backscan",
        description =
                "Back-scan items/s per core: re-matching stored hashes, the bank-addition index, fresh decode+hash.")
final class BenchBackscanCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Option(names = "--stored", defaultValue = "20000", description = "stored media with random PDQ hashes")
    int stored;

    @Option(names = "--bank", defaultValue = "10000", description = "items already banked")
    int bank;

    @Option(names = "--new", defaultValue = "1000", description = "items newly banked (1 in 10 near a stored media)")
    int added;

    @Option(
            names = "--images",
            defaultValue = "200",
            description = "640x480 JPEGs decoded and hashed by the folder scan")
    int images;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PramaanCli.LazyRuntime runtime;

    BenchBackscanCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        if (stored < 1 || bank < 0 || added < 1 || images < 1)
            throw new IllegalArgumentException("--stored, --new and --images must be at least 1, --bank at least 0");
        Path dir = Files.createTempDirectory("pramaan-bench-backscan");
        PrintWriter out = spec.commandLine().getOut();
        try (CliRuntime app = runtime.get().scratch(dir.resolve("data"))) {
            BackScans scans = app.backScans().orElseThrow(() -> new IllegalStateException("back-scans are not wired"));
            BackScans.Parts p = scans.parts();
            Random rnd = new Random(17);
            List<Hash256> hashes = new ArrayList<>();
            p.audit().unitOfWork().run(() -> {
                for (int i = 0; i < stored; i++) {
                    Hash256 h = Hash256.of(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
                    hashes.add(h);
                    p.media()
                            .save(record(String.format("%064x", i), h, p.clock().instant()));
                }
                return null;
            });
            p.banks().ensure("bench", BankKind.NCII);
            List<BankItem> old = new ArrayList<>();
            for (int i = 0; i < bank; i++) old.add(item(random(rnd), p));
            p.banks().addAll(old);
            ScanRunner runner = new ScanRunner(p);
            out.printf("machine: %s; load: %s%n", BenchCommand.machine(), load());
            out.printf("stored media: %d, banked: %d, newly banked: %d, images: %d%n", stored, bank, added, images);
            out.printf("%-58s %10s %10s %12s%n", "variant", "items", "seconds", "items/s/core");

            ScanJob full = scans.start(
                    new BackScans.Request(ScanSource.Kind.STORED_MEDIA, Optional.empty(), List.of(), ScanPolicy.REVIEW),
                    Actor.operator("bench"));
            row(out, "re-match: stored-media job (read, match, commit)", stored, () -> run(runner, full.id()));

            List<BankItem> fresh = new ArrayList<>();
            for (int i = 0; i < added; i++)
                fresh.add(item(i % 10 == 0 ? near(hashes.get(rnd.nextInt(stored)), rnd) : random(rnd), p));
            List<BankItem> banked = p.banks().addAll(fresh);
            StoredMediaIndex index = new StoredMediaIndex(p.media());
            row(out, "bank addition: index build over stored media (once)", stored, index::build);
            BankAdditionScans trigger = new BankAdditionScans(scans, index, ScanPolicy.REVIEW);
            List<ScanJob> jobs = new ArrayList<>();
            long t = System.nanoTime();
            jobs.addAll(trigger.added(banked));
            for (ScanJob j : jobs) run(runner, j.id());
            double s = (System.nanoTime() - t) / 1e9;
            long candidates = jobs.stream().mapToLong(j -> j.counts().total()).sum();
            out.printf(
                    "%-58s %10d %10.3f %12.0f%n",
                    "re-match: bank addition (index query + job), stored covered", stored, s, stored / s);
            out.printf("%-58s %10d%n", "  candidates scanned for the new items", candidates);

            Path folder = Files.createDirectories(dir.resolve("folder"));
            for (int i = 0; i < images; i++)
                Files.write(folder.resolve(String.format("%05d.jpg", i)), jpeg(640, 480, i));
            BackScans.Parts withRoot = new BackScans.Parts(
                    p.jobs(),
                    p.media(),
                    p.blobs(),
                    p.screener(),
                    p.banks(),
                    p.cases(),
                    p.audit(),
                    p.fetch(),
                    new ScanSettings(List.of(folder), 50, 100, images + 1),
                    p.clock());
            BackScans folderScans = new BackScans(withRoot, id -> {});
            ScanRunner folderRunner = new ScanRunner(withRoot);
            ScanJob fj = folderScans.start(
                    new BackScans.Request(
                            ScanSource.Kind.FOLDER, Optional.of(folder.toString()), List.of(), ScanPolicy.REVIEW),
                    Actor.operator("bench"));
            row(
                    out,
                    "fresh scan: probe + decode + PDQ + match (640x480 JPEG)",
                    images,
                    () -> run(folderRunner, fj.id()));
            out.printf("load after: %s%n", load());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return 0;
    }

    private static int run(ScanRunner runner, String id) {
        int batches = 0;
        while (runner.step(id)) batches++;
        return batches;
    }

    private static void row(PrintWriter out, String name, long items, Runnable work) {
        long t = System.nanoTime();
        work.run();
        double s = (System.nanoTime() - t) / 1e9;
        out.printf("%-58s %10d %10.3f %12.0f%n", name, items, s, items / s);
    }

    private static Hash256 random(Random rnd) {
        return Hash256.of(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
    }

    /** A near-duplicate: 8 of 256 bits flipped (PDQ's match distance is 31). */
    private static Hash256 near(Hash256 h, Random rnd) {
        long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
        for (int i = 0; i < 8; i++) w[rnd.nextInt(4)] ^= 1L << rnd.nextInt(64);
        return Hash256.of(w[0], w[1], w[2], w[3]);
    }

    private static BankItem item(Hash256 h, BackScans.Parts p) {
        return new BankItem(
                0,
                "bench",
                Optional.empty(),
                Optional.of(new PdqResult(h, 100)),
                Optional.empty(),
                Optional.empty(),
                "bench",
                "",
                "bench",
                p.clock().instant(),
                Optional.empty());
    }

    private static MediaRecord record(String id, Hash256 h, java.time.Instant at) {
        return new MediaRecord(
                id,
                "0".repeat(32),
                new MediaInfo(MediaType.JPEG, 100_000, Optional.of(new Dimensions(640, 480)), Optional.empty()),
                Optional.of(new PdqResult(h, 100)),
                List.of(),
                new Assessment(Tier.INCONCLUSIVE, List.of()),
                Decision.ALLOW,
                List.of(),
                MediaStatus.ACTIVE,
                false,
                at,
                at);
    }

    /** The 1, 5 and 15 minute load averages: figures on a shared machine are read against them. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** A photo-like JPEG: smooth gradients with blocks and noise, different per seed. */
    static byte[] jpeg(int w, int h, long seed) throws java.io.IOException {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        int a = r.nextInt(255), b = r.nextInt(255), c = r.nextInt(255);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int v = ((x * a / w) + (y * b / h) + ((x / 40 + y / 40) % 2) * c + r.nextInt(16)) & 0xff;
                img.setRGB(x, y, (v << 16) | (((v + a) & 0xff) << 8) | ((v * 3 + b) & 0xff));
            }
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", o);
        return o.toByteArray();
    }
}

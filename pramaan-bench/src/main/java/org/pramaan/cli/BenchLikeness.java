package org.pramaan.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.pramaan.likeness.Consent;
import org.pramaan.likeness.Embedding;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.Vector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The likeness registry's brute-force search (issue 16): time to compare one uploaded face with
 * every enrolled embedding, for N persons. Enrolled vectors are random unit vectors; half the
 * queried faces are noisy copies of an enrolled one (they must match), half random (they must not),
 * so the table also shows the search is right, not only fast.
 */
@Command(
        name = "likeness",
        description = "Protected-persons registry: ms per face compared with N enrolled persons (brute force).")
final class BenchLikeness implements Callable<Integer> {
    @Option(
            names = "--persons",
            split = ",",
            defaultValue = "1000,10000,50000",
            description = "enrolled persons per run")
    List<Integer> persons;

    @Option(names = "--embeddings", defaultValue = "3", description = "reference images (embeddings) per person")
    int embeddings;

    @Option(names = "--dims", defaultValue = "512", description = "embedding length (ArcFace: 512)")
    int dims;

    @Option(names = "--faces", defaultValue = "200", description = "faces compared per run")
    int faces;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final double THRESHOLD = 0.5;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s%n", BenchCommand.machine());
        out.println(
                "| persons | embeddings held | dims | load s | ms/face | faces/s | same faces matched | others matched |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (int n : persons) if (n > 0) run(out, n);
        return 0;
    }

    private void run(PrintWriter out, int n) {
        Random r = new Random(16);
        List<ProtectedPerson> all = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            List<Embedding> es = new ArrayList<>(embeddings);
            for (int e = 0; e < embeddings; e++)
                es.add(new Embedding(LikenessModality.FACE, "bench", "1", Vector.of(unit(random(r)))));
            all.add(new ProtectedPerson(
                    "pp_" + p, "p" + p, "", new Consent("p" + p, T, "doc"), Optional.empty(), es, T, T));
        }
        LikenessIndex index = new LikenessIndex(new FixedPersons(all));
        long t0 = System.nanoTime();
        index.reload();
        double load = (System.nanoTime() - t0) / 1e9;
        List<Vector> same = new ArrayList<>();
        List<Vector> others = new ArrayList<>();
        for (int q = 0; q < faces; q++) {
            if (q % 2 == 0) {
                float[] v = all.get(r.nextInt(n)).embeddings().get(0).vector().toArray();
                for (int i = 0; i < v.length; i++) v[i] += (float) (r.nextGaussian() * 0.5 / Math.sqrt(dims));
                same.add(Vector.of(unit(v)));
            } else others.add(Vector.of(unit(random(r))));
        }
        for (int warm = 0; warm < 3; warm++) index.best(LikenessModality.FACE, "bench", "1", others.get(0), THRESHOLD);
        int sameHits = 0;
        int otherHits = 0;
        long t1 = System.nanoTime();
        for (Vector v : same)
            if (index.best(LikenessModality.FACE, "bench", "1", v, THRESHOLD).isPresent()) sameHits++;
        for (Vector v : others)
            if (index.best(LikenessModality.FACE, "bench", "1", v, THRESHOLD).isPresent()) otherHits++;
        double ms = (System.nanoTime() - t1) / 1e6 / faces;
        out.printf(
                java.util.Locale.ROOT,
                "| %d | %d | %d | %.2f | %.3f | %.0f | %d/%d | %d/%d |%n",
                n,
                index.size(),
                dims,
                load,
                ms,
                1000 / ms,
                sameHits,
                same.size(),
                otherHits,
                others.size());
    }

    private float[] random(Random r) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    private static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        double n = Math.sqrt(s);
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] / n);
        return v;
    }
}

package org.pramaan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The brief mode of the normal build: every Jazzer target, in this JVM, on its seeds and on
 * up to {@value #RUNS} seeded mutations (at least {@value #MIN_RUNS}, else about a second) of them (byte flips, 0xFF/0x00 runs over length fields, cuts,
 * removed and repeated runs, splices of two seeds). Cheap enough for every build (a Jazzer child JVM
 * costs seconds to start per target; {@link FuzzParsersTest} runs those). A failing input is written
 * to {@code target/fuzz/<target>/brief-failure} and named in the assertion.
 */
class BriefFuzzTest {
    static final int RUNS = 3000, MIN_RUNS = 300;
    static final long BUDGET_NANOS = 1_000_000_000L;

    static List<FuzzTargets.Target> targets() {
        return FuzzTargets.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    @Timeout(60)
    void seedsAndMutationsKeepTheContract(FuzzTargets.Target t) throws Throwable {
        MethodHandle target = MethodHandles.publicLookup()
                .findStatic(t.targetClass(), "fuzzerTestOneInput", MethodType.methodType(void.class, byte[].class));
        List<byte[]> seeds = t.seeds().get();
        assertThat(seeds).as("seeds of %s", t.name()).isNotEmpty();
        Random r = new Random(t.name().hashCode());
        long start = System.nanoTime();
        int i = 0;
        for (; i < RUNS + seeds.size(); i++) {
            // Time-boxed so the slow targets (the whole C2PA read, XML) keep the build quick: at least
            // MIN_RUNS mutations, then stop after BUDGET_NANOS; the long run is FuzzParsersTest's job.
            if (i >= seeds.size() + MIN_RUNS && System.nanoTime() - start > BUDGET_NANOS) break;
            byte[] input = i < seeds.size()
                    ? seeds.get(i)
                    : mutate(seeds.get(r.nextInt(seeds.size())), seeds.get(r.nextInt(seeds.size())), r);
            try {
                target.invokeExact(input);
            } catch (Throwable e) {
                Path f = Path.of(System.getProperty("fuzz.workDir", "target/fuzz"), t.name(), "brief-failure");
                Files.createDirectories(f.getParent());
                Files.write(f, input);
                throw new AssertionError(
                        t.name() + ": input " + i + " (written to " + f + ") broke the contract: " + e, e);
            }
        }
        System.out.printf("brief fuzz %s: %d inputs in %s%n", t.name(), i, Duration.ofNanos(System.nanoTime() - start));
    }

    static byte[] mutate(byte[] a, byte[] b, Random r) {
        if (a.length == 0) return new byte[] {(byte) r.nextInt(256)};
        byte[] m = a.clone();
        switch (r.nextInt(7)) {
            case 0 -> {
                for (int k = 1 + r.nextInt(4); k > 0; k--) m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            }
            case 1 -> {
                int o = r.nextInt(m.length);
                Arrays.fill(m, o, Math.min(m.length, o + 4), (byte) 0xFF);
            }
            case 2 -> {
                int o = r.nextInt(m.length);
                Arrays.fill(m, o, Math.min(m.length, o + 4), (byte) 0);
            }
            case 3 -> m = Arrays.copyOf(m, r.nextInt(m.length));
            case 4 -> { // drop a run
                int at = r.nextInt(m.length), len = Math.min(m.length - at, 1 + r.nextInt(40));
                byte[] out = new byte[m.length - len];
                System.arraycopy(m, 0, out, 0, at);
                System.arraycopy(m, at + len, out, at, m.length - at - len);
                m = out;
            }
            case 5 -> { // repeat a run
                int at = r.nextInt(m.length), len = Math.min(m.length - at, 1 + r.nextInt(40));
                m = Seeds.concat(Arrays.copyOf(m, at + len), Arrays.copyOfRange(m, at, m.length));
            }
            default -> { // splice: the head of one seed, the tail of another
                int cut = r.nextInt(m.length), from = b.length == 0 ? 0 : r.nextInt(b.length);
                m = Seeds.concat(Arrays.copyOf(m, cut), Arrays.copyOfRange(b, from, b.length));
            }
        }
        return m;
    }
}

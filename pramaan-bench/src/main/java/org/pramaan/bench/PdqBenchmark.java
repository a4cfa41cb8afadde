package org.pramaan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.ImageDecoder;

/**
 * Probe + decode + PDQ per image over the shared conformance images (one image per operation,
 * round-robin, so the score is the mean per image), for the product's hashing path and for the plain
 * full-size ImageIO decode it replaced. Folder: {@code -Dpramaan.pdq.dir}, default
 * ../shared/testdata/pdq; {@code format} keeps one format (JPEG, PNG, WEBP) or ALL.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PdqBenchmark {
    @Param({"ALL", "JPEG", "PNG", "WEBP"})
    public String format;

    private final List<byte[]> images = new ArrayList<>();
    private final List<MediaInfo> infos = new ArrayList<>();
    private final PdqHasher hasher = new PdqHasher();
    private int next;

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("pramaan.pdq.dir", "../shared/testdata/pdq"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] b = Files.readAllBytes(f);
                try {
                    MediaInfo info = MediaProber.standard().probe(MediaSource.of(b), MediaLimits.defaults());
                    if (info.kind() != org.pramaan.media.MediaKind.IMAGE
                            || !(format.equals("ALL") || info.type().name().equals(format))) continue;
                    images.add(b);
                    infos.add(info);
                } catch (org.pramaan.media.MediaRejectedException e) {
                    // not an image: not benchmarked
                }
            }
        }
        if (images.isEmpty()) throw new IllegalStateException("no " + format + " images under " + dir.toAbsolutePath());
    }

    @Benchmark
    public PdqResult decodeForHashing() throws IOException, org.pramaan.media.MediaRejectedException {
        int i = next++ % images.size();
        MediaSource src = MediaSource.of(images.get(i));
        return hasher.hash(
                ImageDecoder.decodeForHashing(src, MediaProber.standard().probe(src, MediaLimits.defaults())));
    }

    /** The plain reference: full-size ImageIO decode, PdqHasher's own squash. */
    @Benchmark
    public PdqResult imageIoFullSize() throws IOException {
        int i = next++ % images.size();
        return hasher.hash(ImageDecoder.decode(MediaSource.of(images.get(i)), infos.get(i)));
    }
}

package org.pramaan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pramaan.hash.Dihedral;
import org.pramaan.hash.DihedralHashes;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.ImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "hash",
        description = "Perceptual hashes and audio fingerprints.",
        subcommands = {HashCommand.Pdq.class, VpdqCommand.class, HashAudioCommand.class})
final class HashCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "pdq",
            description = "PDQ hash of images, printed as 'hash,quality,path' (the reference tools' format).")
    static final class Pdq implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @picocli.CommandLine.Option(
                names = "--dihedral",
                description = "all 8 rotations/flips: 'hash,quality,xform,path' (xform as the reference tools name it)")
        boolean dihedral;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Pdq(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws IOException {
            return hash(
                    runtime,
                    files,
                    dihedral,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }

        /** The command's work and exit code; shared with {@link FastPath} ({@code hash pdq FILE} without picocli). */
        static int hash(
                PramaanCli.LazyRuntime runtime, List<Path> files, boolean dihedral, PrintWriter out, PrintWriter err)
                throws IOException {
            int failed = 0;
            for (Path f : ScanCommand.expand(files)) {
                try (MediaSource src = MediaSource.open(f)) {
                    MediaInfo info =
                            runtime.get().prober().probe(src, runtime.get().limits());
                    if (info.kind() != MediaKind.IMAGE)
                        throw new IllegalArgumentException(info.type() + " is not an image");
                    var image = ImageDecoder.decodeForHashing(src, info);
                    if (dihedral) {
                        DihedralHashes d = runtime.get().pdqHasher().dihedral(image);
                        for (Dihedral v : Dihedral.values())
                            out.println(d.get(v).toHex() + "," + d.quality() + "," + v.referenceName() + "," + f);
                    } else {
                        PdqResult r = runtime.get().pdqHasher().hash(image);
                        out.println(r.hash().toHex() + "," + r.quality() + "," + f);
                    }
                } catch (MediaRejectedException e) {
                    failed++;
                    err.println(f + ": " + e.code().code() + ": " + e.getMessage());
                } catch (IOException | IllegalArgumentException e) {
                    failed++;
                    err.println(f + ": " + e.getMessage());
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }
}

package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.SharedTestData;

/**
 * Files signed by PRAMAAN's own {@link C2paSigner}, in every format it embeds into plus sidecar stores,
 * with each of the seven algorithms, read by the reference SDK: intact ones are Valid (Trusted with the
 * test anchors) with the requested digitalSourceType, and every damage is reported with the same codes
 * by the peer and by us ({@link SignedInterop}).
 */
@ExtendWith(C2paPeer.Resolver.class)
class C2paPramaanSignedInteropTest {
    static final List<SignedInterop.Format> FORMATS = List.of(
            SignedInterop.Format.embedded("jpg"),
            SignedInterop.Format.embedded("png"),
            SignedInterop.Format.embedded("webp"),
            SignedInterop.Format.embedded("wav"),
            SignedInterop.Format.embedded("mp3"),
            SignedInterop.Format.embedded("mp4"),
            SignedInterop.Format.sidecarOf("png"),
            SignedInterop.Format.sidecarOf("mp4"));

    @Test
    void pramaanSignedFilesAreValidInThePeerAndTamperingIsJudgedAlike(C2paPeer peer, @TempDir Path tmp)
            throws Exception {
        Path root = SharedTestData.folder("c2pa");
        SignedInterop.Outcome o = SignedInterop.run(peer, new PramaanSigner(root), FORMATS, root, tmp);
        assertThat(o.unseen()).isEmpty();
        assertThat(o.tally().disagreements).isEmpty();
    }

    /** Our signer with the test chains; the marker travels as the created action's softwareAgent name. */
    record PramaanSigner(Path c2paRoot) implements SignedInterop.Signer {
        @Override
        public String name() {
            return "Pramaan's C2paSigner";
        }

        @Override
        public SignedInterop.SignedFile sign(
                Path unsigned, SignedInterop.Format format, String alg, String sourceType, String title, Path dir)
                throws Exception {
            SigningKey key = SigningKey.fromPem(
                    Files.readString(c2paRoot.resolve("certs/" + alg + ".pem")),
                    Files.readString(c2paRoot.resolve("certs/" + alg + ".pub")),
                    SigningAlgorithm.parse(alg));
            C2paSigner signer = new C2paSigner(key, TrustSettings.none(Clock.systemUTC()), "pramaan-interop", "1.0.0");
            C2paSigner.Signed s = signer.sign(
                    Files.readAllBytes(unsigned),
                    ManifestRequest.created(sourceType, InteropTamper.MARKER).withTitle(title),
                    format.sidecar() ? C2paSigner.Placement.SIDECAR : C2paSigner.Placement.EMBEDDED);
            Path asset = Files.write(Path.of(dir + "." + format.ext()), s.asset());
            return new SignedInterop.SignedFile(
                    asset,
                    format.sidecar()
                            ? Optional.of(Files.write(Path.of(dir + ".c2pa"), s.manifestStore()))
                            : Optional.empty());
        }
    }
}

package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.SharedTestData;

/**
 * Tamper parity on files the REFERENCE SDK signs (small media made here, the seven test chains of
 * certs/): we and the peer must judge every intact and damaged file alike ({@link SignedInterop}).
 */
@ExtendWith(C2paPeer.Resolver.class)
class C2paPeerTamperTest {
    static final List<SignedInterop.Format> FORMATS = List.of(
            SignedInterop.Format.embedded("jpg"),
            SignedInterop.Format.embedded("png"),
            SignedInterop.Format.embedded("webp"),
            SignedInterop.Format.embedded("wav"),
            SignedInterop.Format.embedded("mp3"),
            SignedInterop.Format.embedded("mp4"),
            SignedInterop.Format.sidecarOf("png"));

    @Test
    void peerSignedFilesAreJudgedAlikeWhetherIntactOrTampered(C2paPeer peer, @TempDir Path tmp) throws Exception {
        Path root = SharedTestData.folder("c2pa");
        SignedInterop.Outcome o = SignedInterop.run(peer, new PeerSigner(peer, root), FORMATS, root, tmp);
        assertThat(o.unseen()).isEmpty();
        assertThat(o.tally().disagreements).isEmpty();
    }

    /** The reference's Builder + LocalSigner; the marker travels in an assertion of its own. */
    record PeerSigner(C2paPeer peer, Path c2paRoot) implements SignedInterop.Signer {
        @Override
        public String name() {
            return "the reference SDK (c2pa-rs 0.90.1)";
        }

        @Override
        public SignedInterop.SignedFile sign(
                Path unsigned, SignedInterop.Format format, String alg, String sourceType, String title, Path dir)
                throws Exception {
            Path out = Path.of(dir + "." + format.ext());
            Optional<Path> store = format.sidecar() ? Optional.of(Path.of(dir + ".c2pa")) : Optional.empty();
            String chain = Files.readString(c2paRoot.resolve("certs/" + alg + ".pub")),
                    key = Files.readString(c2paRoot.resolve("certs/" + alg + ".pem"));
            assertThat(peer.sign(unsigned, out, store, chain, key, alg, definition(title, sourceType)))
                    .as("peer signs %s with %s", format.label(), alg)
                    .isEmpty();
            return new SignedInterop.SignedFile(out, store);
        }

        /** A created asset (C2PA 2.2 §18.14.2: c2pa.created with its digitalSourceType) plus the marker assertion the tamper flips. */
        static ObjectNode definition(String title, String sourceType) {
            ObjectNode d = new ObjectMapper().createObjectNode();
            d.putArray("claim_generator_info")
                    .addObject()
                    .put("name", "pramaan-interop")
                    .put("version", "1.0.0");
            d.put("title", title);
            var assertions = d.putArray("assertions");
            assertions
                    .addObject()
                    .put("label", "c2pa.actions")
                    .putObject("data")
                    .putArray("actions")
                    .addObject()
                    .put("action", "c2pa.created")
                    .put("digitalSourceType", sourceType);
            assertions
                    .addObject()
                    .put("label", "org.pramaan.interop.marker")
                    .putObject("data")
                    .put("marker", InteropTamper.MARKER);
            return d;
        }
    }
}

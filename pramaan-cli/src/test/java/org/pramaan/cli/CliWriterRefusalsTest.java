package org.pramaan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.cli.CliWriters.pramaan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.json.Json;

/** Issue 18: the file-writing commands refuse what they cannot write well, naming the real problem. */
class CliWriterRefusalsTest {
    @TempDir
    Path dir;

    @Test
    void c2paSignRefusesAnAlgorithmThatDoesNotFitTheKey() throws Exception {
        Path certs = CliWriters.certs();
        Files.write(dir.resolve("in.jpg"), CliWriters.image("jpg"));
        String[][] cases = {
            {"es256", "es384", "es384 needs a P-384 key, but the key is a P-256 key; use es256"},
            {"es384", "es512", "es512 needs a P-521 key, but the key is a P-384 key; use es384"},
            {"es512", "es256", "es256 needs a P-256 key, but the key is a P-521 key; use es512"},
            {"ps256", "es256", "es256 needs a P-256 key, but the key is an RSA key; use ps256, ps384 or ps512"},
            {"ed25519", "ps384", "ps384 needs an RSA key, but the key is an Ed25519 key; use ed25519"},
        };
        for (String[] c : cases) {
            CliWriters.Run r = pramaan(
                    "c2pa",
                    "sign",
                    "--key",
                    certs.resolve(c[0] + ".pem").toString(),
                    "--chain",
                    certs.resolve(c[0] + ".pub").toString(),
                    "--alg",
                    c[1],
                    "--source-type",
                    "trainedAlgorithmicMedia",
                    dir.resolve("in.jpg").toString(),
                    dir.resolve("out.jpg").toString());
            assertThat(r.exit()).as("%s key, --alg %s: %s", c[0], c[1], r.err()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("pramaan c2pa sign: " + c[2] + System.lineSeparator());
            assertThat(dir.resolve("out.jpg")).doesNotExist();
        }
    }

    @Test
    void aMissingOutputFolderIsNamed() throws Exception {
        Files.write(dir.resolve("in.jpg"), CliWriters.image("jpg"));
        Path missing = dir.resolve("no/such");
        CliWriters.Run w = pramaan(
                "metadata",
                "write",
                "--source-type",
                "digitalCapture",
                dir.resolve("in.jpg").toString(),
                missing.resolve("out.jpg").toString());
        assertThat(w.exit()).isEqualTo(2);
        assertThat(w.err())
                .contains("output folder " + missing.toAbsolutePath() + " does not exist")
                .doesNotContain(".pramaan-");

        Path certs = CliWriters.certs();
        CliWriters.Run s = pramaan(
                "c2pa",
                "sign",
                "--key",
                certs.resolve("es256.pem").toString(),
                "--chain",
                certs.resolve("es256.pub").toString(),
                "--source-type",
                "trainedAlgorithmicMedia",
                dir.resolve("in.jpg").toString(),
                missing.resolve("signed.jpg").toString());
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err())
                .contains("output folder " + missing.toAbsolutePath() + " does not exist")
                .doesNotContain(".pramaan-");
    }

    @Test
    void metadataWriteRefusesATruncatedJpegWithTheReadersError() throws Exception {
        byte[] jpeg = CliWriters.image("jpg");
        Path cut = dir.resolve("cut.jpg");
        // Cut inside the entropy-coded data: every marker segment is whole, only EOI (FFD9) is missing.
        Files.write(cut, Arrays.copyOf(jpeg, jpeg.length - 40));
        CliWriters.Run read = pramaan("metadata", "read", "--json", cut.toString());
        assertThat(read.exit()).as("the reader rejects it").isEqualTo(1);
        String readerError =
                Json.mapper().readTree(read.out()).path("error").path("message").asText();
        assertThat(readerError).contains("end-of-image");

        CliWriters.Run w = pramaan(
                "metadata",
                "write",
                "--source-type",
                "trainedAlgorithmicMedia",
                cut.toString(),
                dir.resolve("out.jpg").toString());
        assertThat(w.exit()).as(w.out()).isEqualTo(2);
        assertThat(w.err()).contains(readerError);
        assertThat(dir.resolve("out.jpg")).doesNotExist();
    }
}

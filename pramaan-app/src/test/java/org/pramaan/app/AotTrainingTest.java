package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up cache is only as good as its training (issue 18): the training must really
 * run the commands it names (a usage error or a refused key would train the error path instead), and
 * never touch a data directory.
 */
class AotTrainingTest {
    @TempDir
    Path dir;

    @Test
    void trainingRunsVersionHashSignAndVerifyToTheirNormalExits() throws Exception {
        Map<String, Integer> exits = AotTraining.train(
                dir,
                PramaanConfig.load(
                        Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString()), new Properties()),
                1);
        String d = dir.toString();
        assertThat(exits)
                .containsEntry("--version", 0)
                .containsEntry("hash pdq " + d + "/training.jpg", 0)
                .containsEntry("hash pdq " + d + "/training.png", 0)
                .containsEntry("c2pa verify " + d + "/signed.jpg", 0) // Valid (an untrusted signer is not a failure)
                .containsEntry("c2pa verify " + d + "/stamped.jpg", 0) // the RFC 3161 path (LocalTsa), also Valid
                .containsEntry("c2pa read " + d + "/signed.jpg", 0)
                .containsEntry("c2pa verify " + d + "/training.jpg", 3) // no manifest
                .containsEntry("c2pa verify " + d + "/missing.jpg", 2) // error: no such file
                .containsEntry("c2pa verify", 2); // usage error
        assertThat(exits.entrySet())
                .filteredOn(e -> e.getKey().startsWith("c2pa sign "))
                .singleElement()
                .satisfies(e -> assertThat(e.getValue()).isZero());
        assertThat(dir.resolve("data")).as("no data directory").doesNotExist();
    }
}

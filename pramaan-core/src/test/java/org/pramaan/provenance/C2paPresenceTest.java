package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.signals.MetadataSignalExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalType;
import org.pramaan.testing.SharedTestData;

/** C2PA manifest presence in real signed files from the shared reference data (c2pa-rs fixtures). */
class C2paPresenceTest {
    List<Signal> c2pa(Path f) throws Exception {
        try (MediaSource src = MediaSource.open(f)) {
            return new MetadataSignalExtractor()
                    .extract(src, MediaProber.standard().probe(src, MediaLimits.defaults())).stream()
                            .filter(s -> s.type() == SignalType.C2PA_MANIFEST)
                            .toList();
        }
    }

    @Test
    void findsManifestsInEverySignedContainerWeCanProbe() throws Exception {
        Path signed = SharedTestData.folder("c2pa/reference-signed");
        List<Path> files;
        try (Stream<Path> s = Files.list(signed)) {
            files = s.filter(p -> p.getFileName()
                            .toString()
                            .matches(".*\\.signed\\.(png|webp|wav|mp3|mp4|tiff|gif|avif|heif)"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        for (Path f : files) assertThat(c2pa(f)).as(f.getFileName().toString()).isNotEmpty();
    }

    @Test
    void firstPartyAiFilesIncludingAStoreSplitOverTwoApp11Segments() throws Exception {
        Path ai = SharedTestData.folder("c2pa/real-ai");
        List<Signal> firefly = c2pa(ai.resolve("Firefly_tabby_cat.jpg"));
        assertThat(firefly)
                .singleElement()
                .satisfies(s -> assertThat(s.location()).contains("APP11").contains("2 segments"));
        assertThat(c2pa(ai.resolve("ChatGPT_Image.png")))
                .singleElement()
                .satisfies(s -> assertThat(s.location()).startsWith("PNG caBX"));
    }
}

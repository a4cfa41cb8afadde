package org.pramaan.app;

import java.util.Map;
import org.pramaan.provenance.MetadataEmbedder;
import org.pramaan.provenance.Xmp;
import org.pramaan.testkit.TestImages;

/** Labelled and unlabelled images for the end-to-end tests, generated here. */
final class TestMedia {
    static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    static final String AIGC =
            "{\"Label\":\"1\",\"ContentProducer\":\"001191110108MA01KP2T5U00000\",\"ProduceID\":\"20260301-000042\","
                    + "\"ReservedCode1\":\"\",\"ContentPropagator\":\"\",\"PropagateID\":\"\",\"ReservedCode2\":\"\"}";

    private TestMedia() {}

    static byte[] cameraJpeg(long seed) {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(640, 480, seed), 0.9f);
        return MetadataEmbedder.withExif(jpeg, Map.of(0x010F, "Canon", 0x0110, "Canon EOS R6"));
    }

    static byte[] aiJpeg(long seed) {
        return MetadataEmbedder.withXmp(
                TestImages.jpeg(TestImages.photo(640, 480, seed), 0.9f), Xmp.digitalSourceType(TRAINED));
    }

    static byte[] aigcPng(long seed) {
        return MetadataEmbedder.withPngText(TestImages.png(TestImages.photo(320, 240, seed)), "AIGC", AIGC);
    }
}

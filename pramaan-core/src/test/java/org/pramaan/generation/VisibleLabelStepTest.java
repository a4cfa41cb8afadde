package org.pramaan.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.labels.ImageLabeller;
import org.pramaan.labels.VideoLabelWriter;
import org.pramaan.testing.TinyMedia;

/**
 * The visible-label step routes each format to its writer: WebP to the WebP encoder, a video MP4 to the
 * video label writer (with the profile and filing number), and passes a format unmarked (so the record
 * does not claim the label) when the composition root has no writer for it.
 */
class VisibleLabelStepTest {
    @TempDir
    Path dir;

    private static final MarkStep.Request CN =
            new MarkStep.Request("gen_1", "CN", Optional.of("Beijing-Gen-2025-0001"));

    /** An MP4 the prober does not take as audio: only its ftyp box, then bytes that are no box. */
    private static byte[] videoMp4() {
        byte[] b = new byte[64];
        byte[] head = {0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    @Test
    void withoutWritersWebpAndVideoPassUnmarked() throws Exception {
        VisibleLabelStep step = new VisibleLabelStep(Optional.empty(), dir);
        assertThat(step.apply(TinyMedia.webp(), CN)).isEmpty();
        assertThat(step.apply(videoMp4(), CN)).isEmpty();
    }

    @Test
    void aVideoMp4GoesToTheVideoWriterWithTheProfileAndFilingNumberAndComesBackAsItWrote() throws Exception {
        List<String> calls = new ArrayList<>();
        VideoLabelWriter video = (in, out, request, duration) -> {
            calls.add(request.profile().jurisdiction() + " "
                    + request.filingNumber().orElse("-") + " " + Files.size(in));
            Files.write(out, "labelled".getBytes(StandardCharsets.US_ASCII));
            return new VideoLabelWriter.Result(
                    new ImageLabeller.Drawn(
                            new java.awt.Rectangle(0, 0, 10, 10), new java.awt.Rectangle(0, 0, 8, 8), 8, 0, 0, 4.5),
                    3,
                    2,
                    true);
        };
        VisibleLabelStep step = new VisibleLabelStep(Optional.empty(), Optional.of(video), Optional.empty(), dir);
        assertThat(step.apply(videoMp4(), CN))
                .hasValueSatisfying(b ->
                        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("labelled"));
        assertThat(calls).containsExactly("CN Beijing-Gen-2025-0001 64");
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).as("temporary copies removed").isEmpty();
        }
    }
}

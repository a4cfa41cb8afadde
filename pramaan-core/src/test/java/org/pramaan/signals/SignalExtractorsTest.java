package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.hash.ContentDigests;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;
import org.pramaan.media.MediaType;

class SignalExtractorsTest {
    private final byte[] bytes = {10, 20, 30, 40};
    private final MediaInfo info = new MediaInfo(MediaType.PNG, bytes.length, Optional.empty(), Optional.empty());

    private SignalInput input(Optional<UploaderDeclaration> declaration) {
        return new SignalInput(MediaSource.of(bytes), info, declaration);
    }

    @Test
    void extractorsRunInListOrderAndALaterOneSeesWhatAnEarlierOneLeft() throws Exception {
        SignalExtractor readsDigests = in -> List.of(new Signal(
                SignalType.EXIF_SOFTWARE,
                in.get(SignalInput.DIGESTS).map(ContentDigests::md5).orElse("none"),
                SignalStrength.INFO,
                "after digests"));
        SignalInput in = input(Optional.empty());
        List<Signal> before =
                SignalExtractors.run(List.of(readsDigests, new ContentDigestExtractor()), input(Optional.empty()));
        List<Signal> after = SignalExtractors.run(List.of(new ContentDigestExtractor(), readsDigests), in);

        ContentDigests d = ContentDigests.of(MediaSource.of(bytes));
        assertThat(before)
                .extracting(Signal::type)
                .containsExactly(SignalType.EXIF_SOFTWARE, SignalType.SHA256, SignalType.MD5);
        assertThat(before.get(0).value()).as("nothing computed yet").isEqualTo("none");
        assertThat(after)
                .extracting(Signal::type)
                .containsExactly(SignalType.SHA256, SignalType.MD5, SignalType.EXIF_SOFTWARE);
        assertThat(after).extracting(Signal::value).containsExactly(d.sha256(), d.md5(), d.md5());
        assertThat(in.get(SignalInput.DIGESTS)).contains(d);
    }

    @Test
    void theDeclarationBecomesOneModerateSignalWithItsStatementOnlyWhenGiven() throws Exception {
        DeclarationExtractor x = new DeclarationExtractor();
        assertThat(x.extract(input(Optional.empty()))).isEmpty();
        assertThat(x.extract(input(Optional.of(new UploaderDeclaration(true, "made with a model")))))
                .singleElement()
                .isEqualTo(new Signal(
                        SignalType.UPLOADER_DECLARATION,
                        "synthetic",
                        SignalStrength.MODERATE,
                        "upload form",
                        Map.of("statement", "made with a model")));
        assertThat(x.extract(input(Optional.of(new UploaderDeclaration(false, "")))))
                .singleElement()
                .isEqualTo(new Signal(
                        SignalType.UPLOADER_DECLARATION, "not_synthetic", SignalStrength.MODERATE, "upload form"));
    }
}

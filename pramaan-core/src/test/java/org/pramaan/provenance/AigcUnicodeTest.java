package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.signals.Signal;
import org.pramaan.testing.TinyMedia;

/**
 * Issue 18: GB 45438 AIGC values with spaces or non-ASCII text (Chinese producer names) were
 * refused as "not printable ASCII". Appendix E asks for the producer's name or code; any Unicode
 * text without control characters is now written and read back unchanged.
 */
class AigcUnicodeTest {
    private static final Aigc CHINESE = new Aigc("1", "某某科技有限公司", "生成 2026-03-01 第42号", "签名 abc", "", "", "");

    private static Signal onlyAigc(byte[] file) throws Exception {
        List<Signal> s = MetadataLabels.read(file).aigc();
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "png", "wav", "mp3"})
    void chineseAndSpacedValuesRoundTrip(String format) throws Exception {
        byte[] media = switch (format) {
            case "jpeg" -> TinyMedia.jpeg();
            case "png" -> TinyMedia.png();
            case "wav" -> TinyMedia.wav();
            default -> TinyMedia.mp3();
        };
        byte[] labelled = MetadataWriter.write(media, Optional.empty(), Optional.of(CHINESE));
        Signal s = onlyAigc(labelled);
        assertThat(s.attributes())
                .doesNotContainKey("error")
                .containsEntry("Label", "1")
                .containsEntry("ContentProducer", "某某科技有限公司")
                .containsEntry("ProduceID", "生成 2026-03-01 第42号")
                .containsEntry("ReservedCode1", "签名 abc");

        byte[] shared = MetadataWriter.propagate(labelled, "某某 视频平台", "播放 77", "", "3");
        assertThat(onlyAigc(shared).attributes())
                .doesNotContainKey("error")
                .containsEntry("ContentProducer", "某某科技有限公司")
                .containsEntry("ContentPropagator", "某某 视频平台")
                .containsEntry("PropagateID", "播放 77");
    }

    @Test
    void xmlAndJsonSpecialCharactersSurvive() throws Exception {
        Aigc odd = new Aigc("2", "Acme & Sons <\"AI\"> Ltd", "id \\ 1", "", "", "", "");
        for (byte[] media : new byte[][] {TinyMedia.jpeg(), TinyMedia.png()}) {
            assertThat(onlyAigc(MetadataWriter.write(media, Optional.empty(), Optional.of(odd)))
                            .attributes())
                    .containsEntry("ContentProducer", "Acme & Sons <\"AI\"> Ltd")
                    .containsEntry("ProduceID", "id \\ 1");
        }
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0009", "000A", "001F", "007F", "0085", "009F"})
    void controlCharactersAreRefusedNamingTheFieldAndTheCharacter(String hex) {
        String value = "某某" + (char) Integer.parseInt(hex, 16) + "科技";
        assertThatThrownBy(() -> new Aigc("1", value, "i", "", "", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AIGC ContentProducer has a control character U+" + hex + " at position 2");
        assertThatThrownBy(() -> MetadataWriter.propagate(TinyMedia.png(), "plat", value, "", "3"))
                .hasMessageContaining("AIGC PropagateID has a control character U+" + hex);
    }

    @Test
    void theLengthLimitAndWellFormednessStillHold() {
        assertThat(new Aigc("1", "某".repeat(2048), "i", "", "", "", "").contentProducer())
                .hasSize(2048);
        assertThatThrownBy(() -> new Aigc("1", "某".repeat(2049), "i", "", "", "", ""))
                .hasMessage("AIGC ContentProducer is longer than 2048 characters");
        assertThatThrownBy(() -> new Aigc("1", "a\uD800b", "i", "", "", "", ""))
                .hasMessageContaining("ContentProducer is not well-formed Unicode");
        assertThat(new Aigc("1", "emoji \uD83D\uDE00 ok", "i", "", "", "", "").contentProducer())
                .contains("\uD83D\uDE00");
    }

    @Test
    void aReadLabelWithAControlCharacterIsReportedInvalid() {
        assertThat(Aigc.parse("{\"Label\":\"1\",\"ContentProducer\":\"某某\\u0007\"}")
                        .problem())
                .hasValue("AIGC ContentProducer has control characters or is not well-formed text");
        assertThat(Aigc.parse(CHINESE.toJson()).problem()).isEmpty();
    }
}

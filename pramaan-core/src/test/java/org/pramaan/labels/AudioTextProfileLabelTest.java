package org.pramaan.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pramaan.provenance.Aigc;

/** The audio rhythm prompt, the text marker and the profiles themselves. */
class AudioTextProfileLabelTest {
    @Test
    void theRhythmPromptSaysAIInMorseAtTheProgrammesLoudness() throws Exception {
        int rate = 16_000;
        byte[] wav = noiseWav(rate, 2, 3.0, 0.05);
        byte[] aigcWav =
                MetadataWriter.write(wav, Optional.empty(), Optional.of(new Aigc("1", "svc", "id-7", "", "", "", "")));
        VisibleLabels.Result r =
                VisibleLabels.apply(aigcWav, VisibleLabels.Request.of(LabelProfiles.bundled("CN")), Optional.empty());
        assertThat(r.format()).isEqualTo("WAV");
        Wav16 out = Wav16.parse(r.bytes());
        Wav16 in = Wav16.parse(wav);
        assertThat(out.channels()).isEqualTo(2);
        // Tone and silence runs at the start, measured in 10 ms windows of the left channel.
        List<long[]> runs = runs(out, rate);
        List<Long> tones = new ArrayList<>();
        for (long[] run : runs) if (run[0] == 1) tones.add(run[1]);
        assertThat(tones).hasSizeGreaterThanOrEqualTo(4);
        long unit = Math.round(AudioPrompt.UNIT_SECONDS * 100);
        // A = short-long, I = short-short (GB 45438 §4 audio rhythm prompt), each within one window.
        assertThat(tones.subList(0, 4))
                .satisfiesExactly(
                        t -> assertThat(t).isBetween(unit - 1, unit + 1),
                        t -> assertThat(t).isBetween(3 * unit - 1, 3 * unit + 1),
                        t -> assertThat(t).isBetween(unit - 1, unit + 1),
                        t -> assertThat(t).isBetween(unit - 1, unit + 1));
        double programme = AudioPrompt.gatedRms(in.samples(), 2, rate);
        double db = 20 * Math.log10(r.audio().orElseThrow().rms() / programme);
        assertThat(db).as("prompt vs programme level, dB").isBetween(-1.0, 1.0);
        // The programme follows the prompt unchanged, and the AIGC label is carried over.
        int promptSamples = (int) Math.round(r.audio().orElseThrow().promptSeconds() * rate) * 2;
        assertThat(java.util.Arrays.copyOfRange(out.samples(), promptSamples, out.samples().length))
                .isEqualTo(in.samples());
        assertThat(MetadataLabels.read(r.bytes()).aigc())
                .singleElement()
                .satisfies(s -> assertThat(s.attributes()).containsEntry("ProduceID", "id-7"));
    }

    @Test
    void startMiddleAndEndPromptsAndHostileWavs() {
        byte[] wav = noiseWav(8000, 1, 2.0, 0.2);
        AudioPrompt.Result all = AudioPrompt.insert(
                wav,
                List.of(
                        LabelProfile.AudioPlacement.START,
                        LabelProfile.AudioPlacement.MIDDLE,
                        LabelProfile.AudioPlacement.END));
        int prompt = (int) Math.round(all.placed().promptSeconds() * 8000);
        assertThat(Wav16.parse(all.wav()).samples()).hasSize(16_000 + 3 * prompt);
        byte[] lying = wav.clone();
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(40, Integer.MAX_VALUE);
        assertThatThrownBy(() -> AudioPrompt.insert(lying, List.of(LabelProfile.AudioPlacement.START)))
                .hasMessageContaining("declares");
        byte[] eightBit = wav.clone();
        eightBit[34] = 8;
        assertThatThrownBy(() -> AudioPrompt.insert(eightBit, List.of(LabelProfile.AudioPlacement.START)))
                .hasMessageContaining("16-bit PCM");
    }

    @Test
    void theTextMarkerGoesWhereTheProfileSaysInTheOutputsLanguage() throws Exception {
        String cn = TextLabeller.apply("这是一段生成的文字。", LabelProfiles.bundled("CN"), "zh");
        assertThat(cn).startsWith("【人工智能生成】\n这是");
        assertThat(TextLabeller.apply(cn, LabelProfiles.bundled("CN"), "zh")).isEqualTo(cn);
        byte[] hi = "यह पाठ".getBytes(StandardCharsets.UTF_8);
        VisibleLabels.Result r = VisibleLabels.apply(
                hi,
                new VisibleLabels.Request(
                        LabelProfiles.bundled("IN"),
                        Optional.of("hi"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                Optional.empty());
        assertThat(r.format()).isEqualTo("TEXT");
        assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).startsWith("[एआई-जनित]\n");
        assertThatThrownBy(() -> TextLabeller.apply("  \n", LabelProfiles.bundled("EU"), "en"))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> TextLabeller.apply("x", LabelProfiles.bundled("EU"), "zz"))
                .hasMessageContaining("no text marker in 'zz'");
        assertThat(TextLabeller.isText(new byte[] {'a', 0, 'b'})).isFalse();
        assertThat(TextLabeller.isText(new byte[] {(byte) 0xC3, 0x28})).isFalse();
    }

    @Test
    void everyBundledProfileCitesItsSourcesAndMalformedOnesAreRefusedByField() {
        for (String j : LabelProfiles.BUNDLED) {
            LabelProfile p = LabelProfiles.bundled(j);
            assertThat(p.jurisdiction()).isEqualTo(j);
            assertThat(List.of(
                            p.source(),
                            p.image().source(),
                            p.video().source(),
                            p.audio().source(),
                            p.text().source(),
                            p.unlabelledExport().source(),
                            p.filingNumber().source()))
                    .allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(p.image().minTextHeight()).isGreaterThanOrEqualTo(0.05);
        }
        assertThat(LabelProfiles.bundled("US").required()).isFalse();
        assertThat(LabelProfiles.bundled("CN").video().duration()).isEqualTo(LabelProfile.VideoDuration.START);
        assertThat(LabelProfiles.bundled("CN").video().minSeconds()).isEqualTo(2.0);
        assertThat(LabelProfiles.bundled("IN").video().duration()).isEqualTo(LabelProfile.VideoDuration.CONTINUOUS);
        assertThat(LabelProfiles.bundled("IN").unlabelledExport().value()).isFalse();
        assertThat(LabelProfiles.bundled("CN").filingNumber().value()).isTrue();
        String good = new String(resource("CN"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parse(good.replace("\"minTextHeight\": 0.05", "\"minTextHeight\": 0.001")))
                .hasMessageContaining("my.json: image.minTextHeight must be between");
        assertThatThrownBy(() -> parse(good.replace("\"minTextHeight\": 0.05", "\"minTextHeight\": \"5%\"")))
                .hasMessageContaining("image.minTextHeight must be a number");
        assertThatThrownBy(() -> parse(good.replace("bottom-right", "middle")))
                .hasMessageContaining("position must be one of");
        assertThatThrownBy(() -> parse(good.replace("\"人工智能生成\"", "\"\"")))
                .hasMessageContaining("image.text.zh: label text is empty");
        assertThatThrownBy(() -> parse(good.replace("\"人工智能生成\"", "\"" + "字".repeat(10_000) + "\"")))
                .hasMessageContaining("at most 200 characters");
        assertThatThrownBy(() -> parse(good.replace("\"人工智能生成\"", "\"AI\\u0007\"")))
                .hasMessageContaining("U+0007");
        assertThatThrownBy(() -> parse(good.replace("\"start\",", "\"sometimes\",")))
                .hasMessageContaining("video.duration must be start or continuous");
        assertThatThrownBy(() -> parse(good.substring(0, 100))).hasMessageContaining("my.json: not valid JSON");
        assertThatThrownBy(() -> LabelProfiles.parse(new byte[LabelProfiles.MAX_BYTES + 1], "big.json"))
                .hasMessageContaining("at most 65536 bytes");
        assertThatThrownBy(() -> LabelProfiles.bundled("XX"))
                .hasMessageContaining("bundled profiles: [CN, IN, EU, US]");
    }

    private static LabelProfile parse(String json) {
        return LabelProfiles.parse(json.getBytes(StandardCharsets.UTF_8), "my.json");
    }

    private static byte[] resource(String j) {
        try (var in = LabelProfiles.class.getResourceAsStream("/labels/profiles/" + j + ".json")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs of tone (1) and silence (0) in 10 ms windows of channel 0, as {kind, windows}. */
    private static List<long[]> runs(Wav16 w, int rate) {
        int win = rate / 100;
        List<long[]> out = new ArrayList<>();
        int promptEnd = (int) (2 * rate); // the prompt is well under 2 s
        for (int start = 0; start + win <= promptEnd; start += win) {
            double ms = 0;
            for (int i = start; i < start + win; i++) {
                double v = w.samples()[i * w.channels()] / 32768.0;
                ms += v * v;
            }
            long kind = Math.sqrt(ms / win) > 0.01 ? 1 : 0;
            if (!out.isEmpty() && out.get(out.size() - 1)[0] == kind) out.get(out.size() - 1)[1]++;
            else out.add(new long[] {kind, 1});
        }
        return out;
    }

    /** A 16-bit PCM WAV of Gaussian noise at {@code rms} full scale. */
    static byte[] noiseWav(int rate, int channels, double seconds, double rms) {
        int n = (int) (rate * seconds) * channels;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + 2 * n)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16);
        b.putShort((short) 1)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * channels * 2)
                .putShort((short) (channels * 2))
                .putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
        Random r = new Random(7);
        for (int i = 0; i < n; i++)
            b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(r.nextGaussian() * rms * 32767))));
        return b.array();
    }
}

package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pramaan.testing.TinyMedia.box;
import static org.pramaan.testing.TinyMedia.chunk;
import static org.pramaan.testing.TinyMedia.concat;
import static org.pramaan.testing.TinyMedia.u32;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;
import org.pramaan.media.container.Id3Frames;
import org.pramaan.media.container.RiffChunks;
import org.pramaan.signals.Signal;
import org.pramaan.testing.TinyMedia;

/** MP3, WAV and MP4 labels: written on the container primitives, read back, nothing else touched. */
class AudioVideoLabelWriterTest {
    static final Aigc LABEL = JpegPngLabelWriterTest.LABEL;

    static Signal onlyAigc(byte[] f) throws Exception {
        List<Signal> s = MetadataLabels.read(f).aigc();
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    @Test
    void mp3GetsOneTxxxAigcFrameAndKeepsItsFramesAndAudio() throws Exception {
        byte[] mp3 = TinyMedia.mp3();
        byte[] once = MetadataWriter.write(mp3, Optional.empty(), Optional.of(LABEL));
        byte[] twice = MetadataWriter.write(once, Optional.empty(), Optional.of(LABEL.propagatedBy("plat", "p-1")));
        Signal s = onlyAigc(twice);
        assertThat(s.location()).startsWith("MP3 ID3v2.3 TXXX 'AIGC'");
        assertThat(s.attributes()).containsEntry("ContentPropagator", "plat").containsEntry("ProduceID", "20260301-42");
        assertThat(Id3Frames.walk(MediaSource.of(twice)).frames())
                .extracting(Id3Frames.Frame::id)
                .containsExactly("TIT2", "TXXX");
        assertThat(audio(twice)).isEqualTo(audio(mp3));
        byte[] untagged = audio(mp3);
        byte[] tagged = MetadataWriter.write(untagged, Optional.empty(), Optional.of(LABEL));
        assertThat(onlyAigc(tagged).location()).startsWith("MP3 ID3v2.4 TXXX 'AIGC'");
        assertThat(audio(tagged)).isEqualTo(untagged);
        assertThatThrownBy(() -> MetadataWriter.write(mp3, Optional.of("trainedAlgorithmicMedia"), Optional.empty()))
                .hasMessageContaining("digital source type is written to JPEG, PNG, WebP and MP4");
    }

    @Test
    void wavGetsOneAigcChunkAndKeepsFormatAndSamples() throws Exception {
        byte[] wav = TinyMedia.wav();
        byte[] twice = MetadataWriter.write(
                MetadataWriter.write(wav, Optional.empty(), Optional.of(LABEL)), Optional.empty(), Optional.of(LABEL));
        assertThat(onlyAigc(twice).location()).startsWith("WAV RIFF 'AIGC'");
        assertThat(chunkIds(twice)).containsExactly("fmt ", "data", "LIST", "AIGC");
        for (String id : List.of("fmt ", "data", "LIST"))
            assertThat(chunkBytes(twice, id)).as(id).isEqualTo(chunkBytes(wav, id));
        byte[] info = TinyMedia.riff(
                "WAVE",
                chunkBytes(wav, "fmt "),
                chunkBytes(wav, "data"),
                chunk(
                        "LIST",
                        concat(
                                "INFO".getBytes(StandardCharsets.US_ASCII),
                                chunk("AIGC", (LABEL.toJson() + "\0").getBytes(StandardCharsets.US_ASCII)))));
        assertThat(onlyAigc(info).location()).endsWith("INFO 'AIGC'");
        byte[] infoTitled = TinyMedia.riff(
                "WAVE",
                chunkBytes(wav, "fmt "),
                chunkBytes(wav, "data"),
                chunk(
                        "LIST",
                        concat(
                                "INFO".getBytes(StandardCharsets.US_ASCII),
                                chunk("INAM", "Song\0".getBytes(StandardCharsets.US_ASCII)),
                                chunk("AIGC", (LABEL.toJson() + "\0").getBytes(StandardCharsets.US_ASCII)))));
        byte[] moved = MetadataWriter.propagate(infoTitled, "plat", "p-3", "", "3");
        assertThat(onlyAigc(moved).attributes())
                .containsEntry("PropagateID", "p-3")
                .containsEntry("ProduceID", "20260301-42");
        assertThat(chunkIds(moved)).containsExactly("fmt ", "data", "LIST", "AIGC");
        assertThat(new String(chunkBytes(moved, "LIST"), StandardCharsets.US_ASCII))
                .contains("INAM")
                .contains("Song")
                .doesNotContain("AIGC");
        byte[] cut = Arrays.copyOf(wav, wav.length - 30);
        assertThatThrownBy(() -> MetadataWriter.write(cut, Optional.empty(), Optional.of(LABEL)))
                .hasMessageContaining("not a well-formed RIFF file");
    }

    @Test
    void mp4GetsOneXmpUuidBoxAndItsChunkOffsetsStillPointAtTheSameMedia() throws Exception {
        byte[] mp4 = TinyMedia.mp4();
        byte[] once = MetadataWriter.write(mp4, Optional.of("trainedAlgorithmicMedia"), Optional.of(LABEL));
        byte[] twice =
                MetadataWriter.write(once, Optional.of("compositeWithTrainedAlgorithmicMedia"), Optional.of(LABEL));
        MetadataLabels.Found f = MetadataLabels.read(twice);
        assertThat(f.digitalSourceTypes()).singleElement().satisfies(s -> {
            assertThat(s.value()).endsWith("/compositeWithTrainedAlgorithmicMedia");
            assertThat(s.location()).contains(" uuid (XMP) box @ offset 24"); // right after ftyp
        });
        assertThat(f.aigc())
                .singleElement()
                .satisfies(s -> assertThat(s.attributes()).containsEntry("ContentProducer", "001191110108MA01"));
        assertThat(BmffBoxes.children(MediaSource.of(twice), 0, twice.length))
                .extracting(BmffBoxes.Box::type)
                .containsExactly("ftyp", "uuid", "moov", "mdat");
        assertThat(chunksAtStco(twice)).isEqualTo(chunksAtStco(mp4));
    }

    @Test
    void mp4MetaKeyAigcIsRead() throws Exception {
        byte[] mp4 = TinyMedia.mp4();
        byte[] json = LABEL.toJson().getBytes(StandardCharsets.US_ASCII);
        byte[] key = concat(
                u32(8 + 4), "mdta".getBytes(StandardCharsets.US_ASCII), "AIGC".getBytes(StandardCharsets.US_ASCII));
        byte[] meta = box(
                "meta",
                box("hdlr", new byte[8], "mdta".getBytes(StandardCharsets.US_ASCII), new byte[13]),
                box("keys", new byte[4], u32(1), key),
                box("ilst", concat(u32(8 + 8 + 8 + json.length), u32(1), box("data", u32(1), new byte[4], json))));
        Signal s = onlyAigc(withUdtaInMoov(mp4, box("udta", meta)));
        assertThat(s.location()).contains("moov/udta/meta 'AIGC'");
        assertThat(s.value()).isEqualTo("1");
    }

    /** TinyMedia's mp4 with {@code udta} at the end of moov; stco is left stale, only the metadata is read here. */
    static byte[] withUdtaInMoov(byte[] mp4, byte[] udta) throws Exception {
        List<BmffBoxes.Box> top = BmffBoxes.children(MediaSource.of(mp4), 0, mp4.length);
        BmffBoxes.Box moov = BmffBoxes.first(top, "moov").orElseThrow();
        byte[] newMoov = box("moov", Arrays.copyOfRange(mp4, (int) moov.payloadOffset(), (int) moov.end()), udta);
        return concat(
                Arrays.copyOf(mp4, (int) moov.offset()),
                newMoov,
                Arrays.copyOfRange(mp4, (int) moov.end(), mp4.length));
    }

    static byte[] audio(byte[] mp3) {
        if (!(mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3')) return mp3;
        int size = ((mp3[6] & 0x7F) << 21) | ((mp3[7] & 0x7F) << 14) | ((mp3[8] & 0x7F) << 7) | (mp3[9] & 0x7F);
        return Arrays.copyOfRange(mp3, 10 + size, mp3.length);
    }

    static List<String> chunkIds(byte[] riff) throws Exception {
        return RiffChunks.walk(MediaSource.of(riff)).chunks().stream()
                .map(RiffChunks.Chunk::id)
                .toList();
    }

    static byte[] chunkBytes(byte[] riff, String id) throws Exception {
        RiffChunks.Chunk c = RiffChunks.walk(MediaSource.of(riff)).chunks().stream()
                .filter(x -> x.id().equals(id))
                .findFirst()
                .orElseThrow();
        return Arrays.copyOfRange(
                riff, (int) c.dataOffset() - 8, (int) (c.dataOffset() + c.length() + (c.length() & 1)));
    }

    /** The 32 media bytes each stco entry points at. */
    static List<String> chunksAtStco(byte[] mp4) {
        String hex = java.util.HexFormat.of().formatHex(mp4);
        int at =
                hex.indexOf(java.util.HexFormat.of().formatHex("stco".getBytes(StandardCharsets.US_ASCII))) / 2 + 4 + 4;
        long n = org.pramaan.media.container.Bytes.u32be(mp4, at);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int off = (int) org.pramaan.media.container.Bytes.u32be(mp4, at + 4 + 4 * i);
            out.add(java.util.HexFormat.of().formatHex(mp4, off, off + 32));
        }
        return out;
    }
}

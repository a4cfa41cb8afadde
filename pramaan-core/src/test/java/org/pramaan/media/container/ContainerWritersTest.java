package org.pramaan.media.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;
import org.pramaan.testing.TinyMedia;

/** Each writer's output is read back with the matching walker; replacing twice leaves one copy. */
class ContainerWritersTest {
    private static final byte[] DATA = "payload-odd".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void jpegSegmentsGoAfterJfifAndReplaceEarlierOnes() throws Exception {
        byte[] big = new byte[150_000];
        Arrays.fill(big, (byte) 7);
        List<byte[]> parts = JpegSegmentWriter.jpegXt(TinyMedia.box("jumb", big), 1);
        assertThat(parts).hasSize(3);
        assertThat(Bytes.u32be(parts.get(1), 4)).isEqualTo(2);
        assertThat(Bytes.ascii(parts.get(1), 12, 4)).isEqualTo("jumb"); // continuation repeats LBox/TBox
        Spliced once = JpegSegmentWriter.replace(
                TinyMedia.jpeg(), 0xEB, e -> e.segment().isApp(11), parts);
        Spliced twice =
                JpegSegmentWriter.replace(once.bytes(), 0xEB, e -> e.segment().isApp(11), parts);
        List<JpegSegment> segs =
                JpegSegments.walk(MediaSource.of(twice.bytes())).segments();
        assertThat(segs.get(0).isApp(0)).isTrue(); // the walk starts after SOI
        assertThat(segs.stream().filter(s -> s.isApp(11)).count()).isEqualTo(3);
        assertThat(segs.get(1).offset()).isEqualTo(twice.start());
        assertThat(twice.bytes()).hasSize(once.bytes().length);
        assertThat(twice.bytes()[(int) twice.end()] & 0xFF).isEqualTo(0xFF);
        assertThat(twice.bytes()[twice.bytes().length - 1] & 0xFF).isEqualTo(0xD9);
    }

    @Test
    void pngChunkGoesBeforeIdatWithValidCrc() throws Exception {
        Spliced s = PngChunkWriter.replace(
                PngChunkWriter.replace(TinyMedia.png(), c -> c.type().equals("caBX"), "caBX", DATA)
                        .bytes(),
                c -> c.type().equals("caBX"),
                "caBX",
                DATA);
        List<PngChunk> chunks = PngChunks.walk(MediaSource.of(s.bytes())).chunks();
        int at = chunks.stream().map(PngChunk::type).toList().indexOf("caBX");
        assertThat(chunks.get(at + 1).type()).isEqualTo("IDAT");
        assertThat(chunks.stream().filter(c -> c.type().equals("caBX")).count()).isEqualTo(1);
        assertThat(chunks).allMatch(PngChunk::crcValid);
        assertThat(chunks.get(at).offset()).isEqualTo(s.start());
    }

    @Test
    void riffChunkIsAppendedPaddedAndSized() throws Exception {
        Spliced s = RiffChunkWriter.replace(TinyMedia.wav(), c -> c.id().equals("C2PA"), "C2PA", DATA);
        s = RiffChunkWriter.replace(s.bytes(), c -> c.id().equals("C2PA"), "C2PA", DATA);
        RiffChunks.Result r = RiffChunks.walk(MediaSource.of(s.bytes()));
        assertThat(r.problem()).isEmpty();
        assertThat(r.riffEnd()).isEqualTo(s.bytes().length);
        assertThat(r.chunks().stream().map(RiffChunks.Chunk::id)).containsExactly("fmt ", "data", "LIST", "C2PA");
        assertThat(s.length()).isEqualTo(8 + DATA.length + 1);
        assertThat(s.end()).isEqualTo(s.bytes().length);
    }

    @Test
    void simpleWebpBecomesExtended() throws Exception {
        byte[] x = WebpExtended.ensure(TinyMedia.webp(), WebpExtended.XMP);
        RiffChunks.Result r = RiffChunks.walk(MediaSource.of(x));
        assertThat(r.chunks().stream().map(RiffChunks.Chunk::id)).containsExactly("VP8X", "VP8 ");
        int d = (int) r.chunks().get(0).dataOffset();
        assertThat(x[d]).isEqualTo((byte) WebpExtended.XMP);
        assertThat(Bytes.u24le(x, d + 4) + 1).isEqualTo(24);
        assertThat(Bytes.u24le(x, d + 7) + 1).isEqualTo(16);
        assertThat(r.riffEnd()).isEqualTo(x.length);
        assertThat(WebpExtended.ensure(x, WebpExtended.EXIF)[d])
                .isEqualTo((byte) (WebpExtended.XMP | WebpExtended.EXIF));
    }

    @Test
    void id3TagIsRebuiltWithTheNewFrame() throws Exception {
        byte[] geob = Id3TagWriter.geob("application/x-c2pa-manifest-store", "c2pa", "c2pa manifest store", DATA);
        var add = List.of(new Id3TagWriter.NewFrame("GEOB", geob));
        Spliced s = Id3TagWriter.replace(TinyMedia.mp3(), f -> f.id().equals("GEOB"), add);
        s = Id3TagWriter.replace(s.bytes(), f -> f.id().equals("GEOB"), add);
        Id3Frames.Result r = Id3Frames.walk(MediaSource.of(s.bytes()));
        assertThat(r.problem()).isEmpty();
        assertThat(r.version()).isEqualTo(3);
        assertThat(r.frames().stream().map(Id3Frames.Frame::id)).containsExactly("TIT2", "GEOB");
        Id3Frames.Frame g = r.frames().get(1);
        assertThat(g.offset()).isEqualTo(s.start());
        assertThat(Id3Frames.geob(Arrays.copyOfRange(
                                s.bytes(), (int) g.dataOffset(), (int) (g.dataOffset() + g.length())))
                        .orElseThrow()
                        .data())
                .isEqualTo(DATA);
        assertThat(s.bytes()[(int) s.end()] & 0xFF).isEqualTo(0xFF); // audio follows the tag
        byte[] untagged = Arrays.copyOfRange(TinyMedia.mp3(), 25, TinyMedia.mp3().length);
        assertThat(Id3Frames.walk(MediaSource.of(
                                Id3TagWriter.replace(untagged, f -> false, add).bytes()))
                        .version())
                .isEqualTo(4);
    }

    @Test
    void bmffBoxGoesAfterFtypAndChunkOffsetsFollowTheMedia() throws Exception {
        byte[] mp4 = TinyMedia.mp4();
        byte[] uuid = new byte[16];
        uuid[0] = 0x42;
        Spliced s = BmffBoxWriter.replaceTopLevel(mp4, b -> b.type().equals("uuid"), BmffBoxWriter.uuidBox(uuid, DATA));
        s = BmffBoxWriter.replaceTopLevel(
                s.bytes(), b -> b.type().equals("uuid"), BmffBoxWriter.uuidBox(uuid, new byte[100]));
        List<BmffBoxes.Box> top = BmffBoxWriter.top(s.bytes());
        assertThat(top.stream().map(BmffBoxes.Box::type)).containsExactly("ftyp", "uuid", "moov", "mdat");
        assertThat(top.get(1).offset()).isEqualTo(s.start());
        BmffBoxes.Box stco = StblOffsets.find(s.bytes(), top.get(2), "stco").get(0);
        long first = Bytes.u32be(s.bytes(), (int) stco.payloadOffset() + 8);
        assertThat(first).isEqualTo(top.get(3).payloadOffset());
        assertThat(s.bytes()[(int) first + 32]).isEqualTo(mp4[mp4.length - 64 + 32]);
    }

    @Test
    void badInputIsAClearError() {
        assertThatThrownBy(() -> PngChunkWriter.replace(TinyMedia.jpeg(), c -> false, "caBX", DATA))
                .hasMessageContaining("not a well-formed PNG");
        assertThatThrownBy(() -> JpegSegmentWriter.replace(TinyMedia.png(), 0xEB, e -> false, List.of()))
                .hasMessageContaining("not a well-formed JPEG");
        assertThatThrownBy(() -> BmffBoxWriter.replaceTopLevel(
                        TinyMedia.concat(TinyMedia.mp4(), TinyMedia.box("moof")), b -> false, new byte[8]))
                .hasMessageContaining("fragmented");
        assertThatThrownBy(() -> RiffChunkWriter.replace(new byte[] {'R', 'I'}, c -> false, "C2PA", DATA))
                .hasMessageContaining("not a RIFF file");
        assertThatThrownBy(() -> WebpExtended.ensure(TinyMedia.wav(), 0))
                .hasMessageContaining("not a well-formed WebP");
    }
}

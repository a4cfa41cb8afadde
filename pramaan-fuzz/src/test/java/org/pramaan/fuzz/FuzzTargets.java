package org.pramaan.fuzz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.pramaan.banks.BankFiles;
import org.pramaan.hash.BankFilesFuzzer;
import org.pramaan.media.MediaProberFuzzer;
import org.pramaan.media.MediaType;
import org.pramaan.media.audio.WavReaderFuzzer;
import org.pramaan.media.container.BmffBoxesFuzzer;
import org.pramaan.media.container.GifBlocksFuzzer;
import org.pramaan.media.container.Id3FramesFuzzer;
import org.pramaan.media.container.JpegSegmentsFuzzer;
import org.pramaan.media.container.PngChunksFuzzer;
import org.pramaan.media.container.RiffChunksFuzzer;
import org.pramaan.media.container.TiffIfdsFuzzer;
import org.pramaan.media.image.JpegDecoderFuzzer;
import org.pramaan.media.image.PngDecoderFuzzer;
import org.pramaan.media.image.Vp8DecoderFuzzer;
import org.pramaan.media.image.WebpDecoderFuzzer;
import org.pramaan.provenance.LabelWriterFuzzer;
import org.pramaan.provenance.MetadataBlocksFuzzer;
import org.pramaan.provenance.MetadataLabelsFuzzer;
import org.pramaan.provenance.TiffTagsFuzzer;
import org.pramaan.provenance.XmpReaderFuzzer;
import org.pramaan.provenance.c2pa.C2paReaderFuzzer;
import org.pramaan.provenance.c2pa.C2paSeeds;
import org.pramaan.provenance.c2pa.CborFuzzer;
import org.pramaan.provenance.c2pa.CoseFuzzer;
import org.pramaan.provenance.c2pa.JumbfFuzzer;
import org.pramaan.provenance.c2pa.StoreLocatorFuzzer;

/** Every fuzz target: a name, the class with {@code fuzzerTestOneInput(byte[])}, and its seed corpus. */
public final class FuzzTargets {
    public record Target(String name, Class<?> targetClass, Supplier<List<byte[]>> seeds) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String STORES = "c2pa/reference-signed/manifests/";

    public static final List<Target> ALL = List.of(
            new Target(
                    "jpeg-segments",
                    JpegSegmentsFuzzer.class,
                    () -> List.of(Seeds.jpegWithMetadata(), Seeds.jpeg(16, 16, BufferedImage.TYPE_BYTE_GRAY, true))),
            new Target("png-chunks", PngChunksFuzzer.class, () -> List.of(Seeds.pngWithMetadata())),
            new Target("riff-chunks", RiffChunksFuzzer.class, () -> with(webps(), Seeds.wav(1, 16, 1, 40))),
            new Target(
                    "bmff-boxes",
                    BmffBoxesFuzzer.class,
                    () -> with(Seeds.shared("c2pa/fixtures/dashinit.mp4"), Seeds.bmff("isom"))),
            new Target(
                    "id3-frames",
                    Id3FramesFuzzer.class,
                    () -> with(Seeds.shared("c2pa/fixtures/id3v23_compression_underflow.mp3"), Seeds.id3())),
            new Target("gif-blocks", GifBlocksFuzzer.class, () -> List.of(Seeds.gif())),
            new Target(
                    "tiff-ifds",
                    TiffIfdsFuzzer.class,
                    () -> List.of(
                            Seeds.tiffTags(),
                            Seeds.imageIo("tiff", Seeds.picture(8, 8, BufferedImage.TYPE_INT_RGB, 3)))),
            new Target(
                    "wav-reader",
                    WavReaderFuzzer.class,
                    () -> List.of(
                            Seeds.wav(1, 16, 2, 30),
                            Seeds.wav(1, 24, 1, 20),
                            Seeds.wav(3, 32, 1, 20),
                            Seeds.wav(1, 8, 3, 10))),
            new Target("media-prober", MediaProberFuzzer.class, FuzzTargets::allFiles),
            new Target(
                    "jpeg-decoder",
                    JpegDecoderFuzzer.class,
                    () -> List.of(
                            scaled(Seeds.jpeg(40, 24, BufferedImage.TYPE_INT_RGB, false), 0),
                                    scaled(Seeds.jpeg(24, 40, BufferedImage.TYPE_INT_RGB, true), 1),
                            scaled(Seeds.jpeg(32, 16, BufferedImage.TYPE_BYTE_GRAY, false), 2),
                                    scaled(Seeds.jpeg(16, 16, BufferedImage.TYPE_BYTE_GRAY, true), 3))),
            new Target(
                    "png-decoder",
                    PngDecoderFuzzer.class,
                    () -> List.of(
                            Seeds.imageIo("png", Seeds.picture(20, 12, BufferedImage.TYPE_INT_RGB, 1)),
                                    Seeds.imageIo("png", Seeds.picture(12, 9, BufferedImage.TYPE_INT_ARGB, 2)),
                            Seeds.imageIo("png", Seeds.picture(16, 8, BufferedImage.TYPE_BYTE_GRAY, 3)),
                                    Seeds.imageIo("png", Seeds.picture(10, 10, BufferedImage.TYPE_BYTE_INDEXED, 4)),
                            Seeds.imageIo("png", Seeds.picture(9, 7, BufferedImage.TYPE_USHORT_GRAY, 5)),
                                    Seeds.imageIo("png", Seeds.picture(11, 5, BufferedImage.TYPE_BYTE_BINARY, 6)))),
            new Target("webp-decoder", WebpDecoderFuzzer.class, FuzzTargets::webps),
            new Target(
                    "vp8-decoder",
                    Vp8DecoderFuzzer.class,
                    () -> webps().stream().map(Vp8DecoderFuzzer::vp8Payload).toList()),
            new Target(
                    "xmp-reader",
                    XmpReaderFuzzer.class,
                    () -> List.of(Seeds.XMP.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            new Target("tiff-tags", TiffTagsFuzzer.class, () -> List.of(Seeds.tiffTags())),
            new Target(
                    "metadata-blocks",
                    MetadataBlocksFuzzer.class,
                    () -> List.of(
                            MetadataBlocksFuzzer.seed(MediaType.JPEG, Seeds.jpegWithMetadata()),
                            MetadataBlocksFuzzer.seed(MediaType.PNG, Seeds.pngWithMetadata()),
                            MetadataBlocksFuzzer.seed(MediaType.WAV, Seeds.wav(1, 16, 1, 20)),
                            MetadataBlocksFuzzer.seed(MediaType.MP4, Seeds.bmff("isom")),
                            MetadataBlocksFuzzer.seed(MediaType.MP3, Seeds.id3()),
                            MetadataBlocksFuzzer.seed(MediaType.GIF, Seeds.gif()),
                            MetadataBlocksFuzzer.seed(MediaType.TIFF, Seeds.tiffTags()))),
            new Target(
                    "metadata-labels",
                    MetadataLabelsFuzzer.class,
                    () -> List.of(
                            Seeds.jpegWithMetadata(),
                            Seeds.pngWithMetadata(),
                            Seeds.wav(1, 16, 1, 20),
                            Seeds.bmff("isom"),
                            Seeds.id3())),
            new Target(
                    "label-writer",
                    LabelWriterFuzzer.class,
                    () -> with(
                            webps().stream()
                                    .map(w -> LabelWriterFuzzer.seed(false, w))
                                    .toList(),
                            LabelWriterFuzzer.seed(false, Seeds.jpegWithMetadata()),
                            LabelWriterFuzzer.seed(true, Seeds.pngWithMetadata()),
                            LabelWriterFuzzer.seed(false, Seeds.wav(1, 16, 1, 20)),
                            LabelWriterFuzzer.seed(true, Seeds.bmff("isom")),
                            LabelWriterFuzzer.seed(false, Seeds.id3()))),
            new Target("jumbf", JumbfFuzzer.class, () -> with(stores(), Seeds.minimalStore())),
            new Target(
                    "cbor",
                    CborFuzzer.class,
                    () -> with(C2paSeeds.cborBoxes(stores()), new byte[] {
                        (byte) 0xA1,
                        0x6E,
                        's',
                        'i',
                        'g',
                        'n',
                        'e',
                        'r',
                        '_',
                        'p',
                        'a',
                        'y',
                        'l',
                        'o',
                        'a',
                        'd',
                        (byte) 0x82,
                        1,
                        0x20
                    })),
            new Target(
                    "cose",
                    CoseFuzzer.class,
                    () -> with(
                            C2paSeeds.signatures(stores()),
                            new byte[] {(byte) 0x84, 0x43, (byte) 0xA1, 1, 0x26, (byte) 0xA0, (byte) 0xF6, 0x40})),
            new Target("store-locator", StoreLocatorFuzzer.class, FuzzTargets::allFiles),
            new Target(
                    "c2pa-reader",
                    C2paReaderFuzzer.class,
                    () -> with(
                            stores(),
                            Seeds.minimalStore(),
                            Seeds.jpegWithMetadata(),
                            Seeds.pngWithMetadata(),
                            Seeds.bmff("isom"))),
            new Target(
                    "bank-import",
                    BankFilesFuzzer.class,
                    () -> List.of(
                            BankFilesFuzzer.seed(
                                    BankFiles.Format.CSV, "hash,quality,note\n" + "f".repeat(64) + ",90,a note\n"),
                            BankFilesFuzzer.seed(BankFiles.Format.TSV, "0".repeat(63) + "1\t100\n"),
                            BankFilesFuzzer.seed(
                                    BankFiles.Format.JSONL,
                                    "{\"pdq\":\"" + "a".repeat(64) + "\",\"quality\":80,\"note\":\"x\"}\n"),
                            BankFilesFuzzer.seed(BankFiles.Format.LINES, "# comment\n" + "e".repeat(64) + "\n"))));

    private FuzzTargets() {}

    private static List<byte[]> stores() {
        return Seeds.shared(STORES + "sample1.signed.wav.c2pa", STORES + "sample1.signed.svg.c2pa");
    }

    private static List<byte[]> webps() {
        List<byte[]> out = new ArrayList<>();
        Seeds.cwebp(40, 24, "-q", "60", "-segments", "4").ifPresent(out::add);
        Seeds.cwebp(24, 24, "-q", "80", "-nostrong", "-sharpness", "3").ifPresent(out::add);
        return out;
    }

    private static List<byte[]> allFiles() {
        return with(
                webps(),
                Seeds.jpegWithMetadata(),
                Seeds.pngWithMetadata(),
                Seeds.wav(1, 16, 1, 20),
                Seeds.bmff("isom"),
                Seeds.bmff("heic"),
                Seeds.id3(),
                Seeds.gif(),
                Seeds.tiffTags(),
                Seeds.minimalStore());
    }

    private static byte[] scaled(byte[] jpeg, int scale) {
        return Seeds.concat(jpeg, new byte[] {(byte) scale});
    }

    private static List<byte[]> with(List<byte[]> some, byte[]... more) {
        List<byte[]> out = new ArrayList<>(some);
        out.addAll(List.of(more));
        return out;
    }
}

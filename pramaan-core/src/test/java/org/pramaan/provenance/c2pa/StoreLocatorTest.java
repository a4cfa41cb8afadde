package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pramaan.provenance.c2pa.JumbfTestBoxes.box;
import static org.pramaan.provenance.c2pa.JumbfTestBoxes.superbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;

class StoreLocatorTest {
    private static final byte[] STORE =
            superbox("c2pa", "c2pa", superbox("c2ma", "urn:c2pa:x", box("cbor", new byte[3000])));

    @Test
    void jpegStoreSplitOverApp11SegmentsIsReassembledBySequenceNumber() throws Exception {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        byte[][] parts = {
            Arrays.copyOfRange(STORE, 0, 1000),
            Arrays.copyOfRange(STORE, 1000, 2000),
            Arrays.copyOfRange(STORE, 2000, STORE.length)
        };
        int[] order = {1, 0, 2}; // A.3.1: order is given by Z, not by file position
        for (int i : order) app11(f, i + 1, i == 0 ? parts[0] : concat(Arrays.copyOfRange(STORE, 0, 8), parts[i]));
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 2, (byte) 0xFF, (byte) 0xD9});
        StoreLocator.Located l = StoreLocator.locate(MediaSource.of(f.toByteArray()));
        assertThat(l.store()).hasValueSatisfying(s -> assertThat(s).isEqualTo(STORE));
        assertThat(l.carrier()).contains("3 segments");
    }

    @Test
    void pngCaBxChunk() throws Exception {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(f, "IHDR", new byte[13]);
        chunk(f, "caBX", STORE);
        chunk(f, "IEND", new byte[0]);
        assertThat(StoreLocator.locate(MediaSource.of(f.toByteArray())).store())
                .hasValueSatisfying(s -> assertThat(s).isEqualTo(STORE));
    }

    @Test
    void gifApplicationExtensionSubBlocks() throws Exception {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes("GIF89a".getBytes(StandardCharsets.ISO_8859_1));
        f.writeBytes(new byte[] {1, 0, 1, 0, 0, 0, 0});
        f.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        f.writeBytes("C2PA_GIF".getBytes(StandardCharsets.ISO_8859_1));
        f.writeBytes(new byte[] {1, 0, 0});
        for (int p = 0; p < STORE.length; p += 255) {
            int n = Math.min(255, STORE.length - p);
            f.write(n);
            f.write(STORE, p, n);
        }
        f.write(0);
        f.write(0x3B);
        assertThat(StoreLocator.locate(MediaSource.of(f.toByteArray())).store())
                .hasValueSatisfying(s -> assertThat(s).isEqualTo(STORE));
    }

    @Test
    void mp3Id3GeobFrame() throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0);
        frame.writeBytes("application/c2pa\0manifest.c2pa\0desc\0".getBytes(StandardCharsets.ISO_8859_1));
        frame.writeBytes(STORE);
        byte[] body = frame.toByteArray();
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        int tagSize = 10 + body.length;
        f.writeBytes(new byte[] {
            'I',
            'D',
            '3',
            3,
            0,
            0,
            (byte) ((tagSize >> 21) & 0x7F),
            (byte) ((tagSize >> 14) & 0x7F),
            (byte) ((tagSize >> 7) & 0x7F),
            (byte) (tagSize & 0x7F)
        });
        f.writeBytes("GEOB".getBytes(StandardCharsets.ISO_8859_1));
        f.writeBytes(new byte[] {
            (byte) (body.length >>> 24),
            (byte) (body.length >>> 16),
            (byte) (body.length >>> 8),
            (byte) body.length,
            0,
            0
        });
        f.writeBytes(body);
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0});
        assertThat(StoreLocator.locate(MediaSource.of(f.toByteArray())).store())
                .hasValueSatisfying(s -> assertThat(s).isEqualTo(STORE));
    }

    @Test
    void remoteReferenceIsReportedOnlyForHttpUrls() throws Exception {
        byte[] xmp = "<x:xmpmeta><rdf:Description dcterms:provenance=\"https://example.org/m.c2pa\"/></x:xmpmeta>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] leftover =
                "<x:xmpmeta><rdf:Description dcterms:provenance=\"self#jumbf=/c2pa/urn:x/c2pa.claim\"/></x:xmpmeta>"
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(StoreLocator.locate(MediaSource.of(jpegWithApp1(xmp))).remoteUrl())
                .contains("https://example.org/m.c2pa");
        assertThat(StoreLocator.locate(MediaSource.of(jpegWithApp1(leftover))).remoteUrl())
                .isEmpty();
    }

    @Test
    void brokenRiffIsAnInvalidAsset() {
        byte[] wav = new byte[44];
        System.arraycopy("RIFF".getBytes(StandardCharsets.ISO_8859_1), 0, wav, 0, 4);
        wav[4] = (byte) 0xFF;
        wav[5] = (byte) 0xFF; // declares far more than present
        System.arraycopy("WAVE".getBytes(StandardCharsets.ISO_8859_1), 0, wav, 8, 4);
        assertThatThrownBy(() -> StoreLocator.locate(MediaSource.of(wav)))
                .isInstanceOf(C2paException.class)
                .hasMessageContaining("RIFF");
    }

    private static byte[] jpegWithApp1(byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[] {
            (byte) 0xFF,
            (byte) 0xD8,
            (byte) 0xFF,
            (byte) 0xE1,
            (byte) ((payload.length + 2) >> 8),
            (byte) (payload.length + 2)
        });
        f.writeBytes(payload);
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 2, (byte) 0xFF, (byte) 0xD9});
        return f.toByteArray();
    }

    private static void app11(ByteArrayOutputStream f, int z, byte[] data) {
        int len = 2 + 8 + data.length;
        f.writeBytes(new byte[] {
            (byte) 0xFF, (byte) 0xEB, (byte) (len >> 8), (byte) len, 'J', 'P', 0x02, 0x11, 0, 0, 0, (byte) z
        });
        f.writeBytes(data);
    }

    private static void chunk(ByteArrayOutputStream f, String type, byte[] data) {
        f.writeBytes(new byte[] {
            (byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8), (byte) data.length
        });
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        f.writeBytes(t);
        f.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        f.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}

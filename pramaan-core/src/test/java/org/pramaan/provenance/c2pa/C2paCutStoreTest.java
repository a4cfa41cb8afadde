package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.JpegSegment;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunk;
import org.pramaan.media.container.PngChunks;
import org.pramaan.testing.SharedTestData;

/**
 * Issue 18: a store cut short inside a JPEG's APP11 segments (C2PA 2.2 A.3.1) or a PNG's caBX chunk
 * (A.3.2) is an unreadable asset ({@code asset.invalid}), like WebP/WAV/MP3/MP4 already were, not
 * "no manifest"; and a remote reference (§11.4) is reported with its URL and never fetched.
 */
class C2paCutStoreTest {
    private final C2paReader reader = new C2paReader(TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN));

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(SharedTestData.folder("c2pa").resolve(name));
    }

    /** Cut at the given per-mille of the first C2PA APP11 segment's payload (0 = its first byte). */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 250, 500, 999})
    void jpegCutInsideTheApp11StoreIsAnInvalidAsset(int perMille) throws Exception {
        byte[] b = fixture("fixtures/C.jpg");
        JpegSegment app11 = JpegSegments.walk(MediaSource.of(b)).segments().stream()
                .filter(s -> s.isApp(11))
                .findFirst()
                .orElseThrow();
        int cut = (int) app11.payloadOffset() + app11.payloadLength() * perMille / 1000;
        assertCutIsInvalid(Arrays.copyOf(b, cut), "image/jpeg", "JPEG");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 8, 250, 500, 999, 1000})
    void pngCutInsideTheCabxChunkIsAnInvalidAsset(int perMille) throws Exception {
        byte[] b = fixture("reference-signed/libpng-test.signed.png");
        PngChunk cabx = PngChunks.walk(MediaSource.of(b)).chunks().stream()
                .filter(c -> c.type().equals("caBX"))
                .findFirst()
                .orElseThrow();
        // 0/4/8 land in the chunk header, 1000 on its CRC: every cut stops before the chunk is whole.
        int cut = perMille <= 8
                ? (int) cabx.offset() + perMille
                : (int) cabx.dataOffset() + cabx.length() * perMille / 1000;
        assertCutIsInvalid(Arrays.copyOf(b, cut), "image/png", "PNG");
    }

    private void assertCutIsInvalid(byte[] cut, String format, String container) throws Exception {
        C2paOutcome o = reader.read(MediaSource.of(cut));
        assertThat(o).isInstanceOf(C2paOutcome.Unreadable.class);
        C2paOutcome.Unreadable u = (C2paOutcome.Unreadable) o;
        assertThat(u.format()).isEqualTo(format);
        assertThat(u.code()).isEqualTo("asset.invalid");
        assertThat(u.message())
                .startsWith("invalid " + container + " structure: ")
                .contains("file ends");
        assertThatThrownBy(() -> StoreLocator.locate(MediaSource.of(cut)))
                .isInstanceOf(C2paException.class)
                .hasMessageContaining("invalid " + container);
    }

    @Test
    void wholeSignedFilesStillRead() throws Exception {
        assertThat(reader.read(MediaSource.of(fixture("fixtures/C.jpg")))).isInstanceOf(C2paOutcome.Read.class);
        assertThat(reader.read(MediaSource.of(fixture("reference-signed/libpng-test.signed.png"))))
                .isInstanceOf(C2paOutcome.Read.class);
        assertThat(reader.read(MediaSource.of(fixture("fixtures/no_manifest.jpg"))))
                .isInstanceOf(C2paOutcome.NoManifest.class);
    }

    /**
     * The fixture's URL is pointed at a port this test listens on (same length, so the PNG's chunk
     * structure stays whole): the outcome names the URL and the listener never sees a connection.
     */
    @Test
    void remoteReferenceIsReportedAndNeverFetched() throws Exception {
        byte[] b = fixture("fixtures/libpng-test_with_url.png");
        String old = "http://localhost:5000/libpng-test.c2pa";
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(old);
        assertThat(at).isPositive();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String prefix = "http://127.0.0.1:" + listener.getLocalPort() + "/";
            String url = prefix + "x".repeat(old.length() - prefix.length() - 5) + ".c2pa";
            System.arraycopy(url.getBytes(StandardCharsets.ISO_8859_1), 0, b, at, old.length());

            C2paOutcome o = reader.read(MediaSource.of(b));

            assertThat(o).isEqualTo(new C2paOutcome.RemoteReference("image/png", url));
            // A fetch would have connected by now (read returned); the backlog would hold it.
            listener.setSoTimeout(200);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }
}

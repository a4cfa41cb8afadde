package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {
    @TempDir
    Path dir;

    MainSegment segment(int n, int minCap) {
        return segment(n, minCap, false);
    }

    MainSegment segment(int n, int minCap, boolean wide) {
        HashGen g = new HashGen(n);
        long[] words = new long[n * 4];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(i % 10 == 0 ? new long[4] : g.random(), 0, words, i * 4, 4);
            ids[i] = 5L * i + 3;
        }
        return MainSegment.build(words, ids, n, minCap, wide);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "wide postings {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void roundTripsEveryArrayAndTheFingerprint(boolean wide) throws IOException {
        MainSegment m = segment(5_000, 20, wide);
        assertThat(m.overflow()).isPositive();
        Path f = dir.resolve("pdq.snapshot");
        SnapshotFile.write(f, m);
        assertThat(Files.size(f)).isEqualTo(SnapshotFile.expectedSize(m.n, m.tabled, m.width));
        SnapshotFile.Header h = SnapshotFile.header(f);
        assertThat(h.entries()).isEqualTo(5_000);
        assertThat(h.fingerprint()).isEqualTo(m.fingerprint());
        MainSegment r = SnapshotFile.read(f);
        assertThat(r.words).isEqualTo(m.words);
        assertThat(r.ids).isEqualTo(m.ids);
        assertThat(r.offsets).isDeepEqualTo(m.offsets);
        assertThat(r.postings).isDeepEqualTo(m.postings);
        assertThat(r.partners).isDeepEqualTo(m.partners);
        assertThat(r.tabled).isEqualTo(m.tabled);
        assertThat(r.cap).isEqualTo(m.cap);
        assertThat(r.width).isEqualTo(wide ? 4 : 3);
    }

    @Test
    void aTruncatedSnapshotIsRefusedByLength() throws IOException {
        Path f = dir.resolve("t.snapshot");
        SnapshotFile.write(f, segment(1_000, 4_096));
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(raf.length() - 100);
        }
        assertThatThrownBy(() -> SnapshotFile.read(f))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("truncated");
        Files.write(f, new byte[10]);
        assertThatThrownBy(() -> SnapshotFile.read(f))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("shorter than its 48-byte header");
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        Path f = dir.resolve("c.snapshot");
        SnapshotFile.write(f, segment(1_000, 4_096));
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(SnapshotFile.HEADER + 17);
            int b = raf.read();
            raf.seek(SnapshotFile.HEADER + 17);
            raf.write(b ^ 0x10);
        }
        assertThatThrownBy(() -> SnapshotFile.read(f))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("fails its checksum");
    }

    @Test
    void anotherFormatOrVersionIsNamed() throws IOException {
        Path f = dir.resolve("v.snapshot");
        SnapshotFile.write(f, segment(100, 4_096));
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(8);
            raf.write(9);
        }
        assertThatThrownBy(() -> SnapshotFile.read(f))
                .hasMessageContaining("format version 9; this build reads version " + SnapshotFile.VERSION);
        Files.write(f, new byte[200]);
        assertThatThrownBy(() -> SnapshotFile.read(f)).hasMessageContaining("bad magic");
    }
}

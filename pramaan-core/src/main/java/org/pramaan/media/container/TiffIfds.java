package org.pramaan.media.container;

import java.io.IOException;
import java.util.Optional;
import org.pramaan.media.MediaSource;

/** Follows a TIFF's IFD chain (TIFF 6.0 §2) to find one tag's value bytes without reading image data. */
public final class TiffIfds {
    public static final int MAX_IFDS = 64, MAX_ENTRIES = 4096;
    private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};

    /** Where a tag's value lies in the file. */
    public record Value(int type, long offset, long length) {}

    private TiffIfds() {}

    public static Optional<Value> find(MediaSource src, int wanted) throws IOException {
        byte[] h = src.readUpTo(0, 8);
        if (h.length < 8) return Optional.empty();
        boolean le = h[0] == 'I';
        long ifd = u32(h, 4, le);
        for (int hop = 0; hop < MAX_IFDS && ifd >= 8 && ifd + 2 <= src.size(); hop++) {
            int n = u16(src.read(ifd, 2), 0, le);
            if (n > MAX_ENTRIES || ifd + 2 + 12L * n + 4 > src.size()) return Optional.empty();
            byte[] e = src.read(ifd + 2, 12 * n + 4);
            for (int i = 0; i < n; i++) {
                if (u16(e, i * 12, le) != wanted) continue;
                int type = u16(e, i * 12 + 2, le);
                long len = u32(e, i * 12 + 4, le) * (type < TYPE_SIZE.length ? TYPE_SIZE[type] : 1);
                long at = len <= 4 ? ifd + 2 + i * 12L + 8 : u32(e, i * 12 + 8, le);
                if (at + len > src.size()) return Optional.empty();
                return Optional.of(new Value(type, at, len));
            }
            ifd = u32(e, 12 * n, le);
        }
        return Optional.empty();
    }

    private static int u16(byte[] b, int o, boolean le) {
        return le ? Bytes.u16le(b, o) : Bytes.u16be(b, o);
    }

    private static long u32(byte[] b, int o, boolean le) {
        return le ? Bytes.u32le(b, o) : Bytes.u32be(b, o);
    }
}

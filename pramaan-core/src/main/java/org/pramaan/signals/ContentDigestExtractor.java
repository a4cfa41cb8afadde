package org.pramaan.signals;

import java.io.IOException;
import java.util.List;
import org.pramaan.hash.ContentDigests;

/**
 * SHA-256 and MD5 of the exact bytes: the file's identity (content-addressed storage) and the
 * exact-match hashes banks and hash-sharing programmes exchange (MD5 for video). Leaves
 * {@link SignalInput#DIGESTS}; screening needs it, so it comes first in every chain.
 */
public final class ContentDigestExtractor implements SignalExtractor {
    @Override
    public List<Signal> extract(SignalInput input) throws IOException {
        ContentDigests digests = ContentDigests.of(input.source());
        input.put(SignalInput.DIGESTS, digests);
        return List.of(
                new Signal(SignalType.SHA256, digests.sha256(), SignalStrength.INFO, "whole file"),
                new Signal(SignalType.MD5, digests.md5(), SignalStrength.INFO, "whole file"));
    }
}

package org.pramaan.blob.s3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pramaan.adapters.BlobStoreProvider;
import org.pramaan.intake.BlobStore;

/** {@code blobs=s3}: media bytes in an S3-compatible bucket ({@code blobs.s3.*}). */
public final class S3BlobStoreProvider implements BlobStoreProvider {
    public static final String NAME = "s3";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(Map<String, String> options) {
        S3Settings.parse(options);
    }

    /** Local copies of located blobs go to {@code <dataDir>/blob-cache}. */
    @Override
    public BlobStore open(Map<String, String> options, Path dataDir) throws IOException {
        return S3BlobStore.open(S3Settings.parse(options), dataDir.resolve("blob-cache"));
    }
}

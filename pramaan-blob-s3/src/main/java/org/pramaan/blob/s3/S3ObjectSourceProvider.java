package org.pramaan.blob.s3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pramaan.adapters.ObjectSourceProvider;
import org.pramaan.backscan.ObjectSource;

/** {@code backscan.s3.*}: back-scans of buckets of the platform's own S3-compatible storage. */
public final class S3ObjectSourceProvider implements ObjectSourceProvider {
    @Override
    public String name() {
        return "s3";
    }

    @Override
    public boolean check(Map<String, String> options) {
        return S3ObjectSource.Settings.parse(options).isPresent();
    }

    @Override
    public ObjectSource open(Map<String, String> options, Path spool) throws IOException {
        S3ObjectSource.Settings s = S3ObjectSource.Settings.parse(options)
                .orElseThrow(() -> new IllegalStateException("backscan.s3.endpoint is not set"));
        return new S3ObjectSource(s, spool);
    }
}

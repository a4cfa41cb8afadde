package org.pramaan.backscan;

import java.nio.file.Path;
import java.util.List;

/**
 * Limits of back-scans.
 *
 * @param allowedRoots  folders an admin may scan (and nothing outside them); empty: folder scans are refused
 * @param batchSize     items per committed batch: a crash redoes at most this many
 * @param maxListItems  most entries in one list scan
 * @param maxFolderItems most files one folder scan enumerates
 */
public record ScanSettings(List<Path> allowedRoots, int batchSize, int maxListItems, int maxFolderItems) {
    /** Longest list entry (an id or URL) in characters. */
    public static final int MAX_ENTRY = 2048;

    public static final ScanSettings DEFAULT = new ScanSettings(List.of(), 50, 100_000, 1_000_000);

    public ScanSettings {
        allowedRoots = List.copyOf(allowedRoots);
        if (batchSize < 1 || batchSize > 10_000)
            throw new IllegalArgumentException("batchSize " + batchSize + " is outside 1..10000");
        if (maxListItems < 1 || maxListItems > 9_999_999)
            throw new IllegalArgumentException("maxListItems " + maxListItems + " is outside 1..9999999");
        if (maxFolderItems < 1) throw new IllegalArgumentException("maxFolderItems must be positive");
    }
}

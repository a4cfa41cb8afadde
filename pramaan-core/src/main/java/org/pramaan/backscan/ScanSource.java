package org.pramaan.backscan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job scans.
 *
 * @param kind      {@link Kind#STORED_MEDIA}: every media item Pramaan stores; {@link Kind#FOLDER}: the regular files
 *                  under {@code folder} (inside an allowed root, symlinks not followed); {@link Kind#LIST}: {@code items},
 *                  ids or URLs fetched through the {@link FetchHook}; {@link Kind#BANK_ADDITION}: the stored media
 *                  {@code items} that the stored-media index found near the newly banked {@code bankItems}
 * @param folder    the folder's real path, resolved and checked when the job was created
 * @param items     list entries, or the stored media ids of a bank addition
 * @param bankItems for a bank addition, the new bank items: only matches to these count
 * @param objects   for {@link Kind#OBJECT_PREFIX}: the bucket and key prefix of the platform's object storage (the
 *                  endpoint and credentials stay in the server's configuration)
 */
public record ScanSource(
        Kind kind, Optional<String> folder, List<String> items, List<Long> bankItems, Optional<ObjectPrefix> objects) {
    public enum Kind {
        STORED_MEDIA,
        FOLDER,
        LIST,
        BANK_ADDITION,
        OBJECT_PREFIX
    }

    public ScanSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(folder, "folder");
        items = List.copyOf(items);
        bankItems = List.copyOf(bankItems);
        objects = objects == null ? Optional.empty() : objects; // jobs stored before object-prefix scans existed
        if (kind == Kind.FOLDER && folder.isEmpty())
            throw new org.pramaan.errors.Invalid("source.folder", "a folder scan needs a folder");
        if (kind == Kind.OBJECT_PREFIX && objects.isEmpty())
            throw new org.pramaan.errors.Invalid("source.bucket", "an object-prefix scan needs a bucket");
    }

    public ScanSource(Kind kind, Optional<String> folder, List<String> items, List<Long> bankItems) {
        this(kind, folder, items, bankItems, Optional.empty());
    }

    public static ScanSource storedMedia() {
        return new ScanSource(Kind.STORED_MEDIA, Optional.empty(), List.of(), List.of());
    }

    public static ScanSource folder(String realPath) {
        return new ScanSource(Kind.FOLDER, Optional.of(realPath), List.of(), List.of());
    }

    public static ScanSource list(List<String> items) {
        return new ScanSource(Kind.LIST, Optional.empty(), items, List.of());
    }

    public static ScanSource bankAddition(List<String> mediaIds, List<Long> bankItems) {
        return new ScanSource(Kind.BANK_ADDITION, Optional.empty(), mediaIds, bankItems);
    }

    public static ScanSource objectPrefix(ObjectPrefix where) {
        return new ScanSource(Kind.OBJECT_PREFIX, Optional.empty(), List.of(), List.of(), Optional.of(where));
    }

    /** Whether the items are media Pramaan stores (so a match can go to its review queue or a case). */
    public boolean stored() {
        return kind == Kind.STORED_MEDIA || kind == Kind.BANK_ADDITION;
    }
}

package org.pramaan.backscan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pramaan.intake.MediaRepository;

/**
 * A job's items in their fixed order, read a batch at a time after the checkpoint. The order is the
 * item key's: media ids (SHA-256 hex), relative paths, or list positions written with seven digits so
 * that string order is list order.
 */
interface ScanItems {
    /** One item: its key (the order and the result's identity) and what it is to a person. */
    record Item(String key, String label) {}

    List<Item> after(String checkpoint, int limit) throws IOException;

    static String listKey(int position) {
        String s = Integer.toString(position);
        return "0".repeat(Math.max(0, 7 - s.length())) + s;
    }

    /** Every media item the store holds, by id. */
    static ScanItems stored(MediaRepository media) {
        return (checkpoint, limit) -> media.idsAfter(checkpoint, limit).stream()
                .map(id -> new Item(id, id))
                .toList();
    }

    /** The files listed from a folder (sorted), or the media ids of a bank addition (sorted). */
    static ScanItems sorted(List<String> keys) {
        return (checkpoint, limit) -> {
            int i = checkpoint.isEmpty() ? 0 : Collections.binarySearch(keys, checkpoint);
            int from = checkpoint.isEmpty() ? 0 : i >= 0 ? i + 1 : -i - 1;
            List<Item> out = new ArrayList<>();
            for (int k = from; k < keys.size() && out.size() < limit; k++) out.add(new Item(keys.get(k), keys.get(k)));
            return out;
        };
    }

    /** A list's entries by position (the same id twice is two items). */
    static ScanItems list(List<String> entries) {
        return (checkpoint, limit) -> {
            int from = checkpoint.isEmpty() ? 0 : Integer.parseInt(checkpoint) + 1;
            List<Item> out = new ArrayList<>();
            for (int k = from; k < entries.size() && out.size() < limit; k++)
                out.add(new Item(listKey(k), entries.get(k)));
            return out;
        };
    }

    /**
     * The objects under a bucket prefix, listed a page at a time after the checkpoint (the store keeps the order,
     * so nothing is held in memory and an object added since sorts in by its key).
     */
    static ScanItems objects(ObjectSource store, ObjectPrefix where) {
        return (checkpoint, limit) -> store.keysAfter(where.bucket(), where.prefix(), checkpoint, limit).stream()
                .map(k -> new Item(k, where.label(k)))
                .toList();
    }

    /** The items of {@code job}'s source; a folder is listed now (a file added since sorts in by its name). */
    static ScanItems of(ScanJob job, MediaRepository media, ObjectSource objects, int maxFolderItems)
            throws IOException {
        ScanSource s = job.source();
        return switch (s.kind()) {
            case STORED_MEDIA -> stored(media);
            case FOLDER -> sorted(FolderWalk.list(Path.of(s.folder().orElseThrow()), maxFolderItems));
            case LIST -> list(s.items());
            case BANK_ADDITION -> sorted(s.items().stream().sorted().toList());
            case OBJECT_PREFIX -> objects(objects, s.objects().orElseThrow());
        };
    }
}

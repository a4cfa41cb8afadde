package org.pramaan.backscan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.Dihedral;
import org.pramaan.hash.PdqResult;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.Screener;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;

/**
 * Turns one item into the hashes the banks are matched with: stored media reuse the hashes screening
 * recorded (re-matching is the fast path); files and fetched entries are probed, decoded and hashed by
 * the same engines as screening (PDQ for images, vPDQ and the audio fingerprint for video and audio).
 */
final class ItemHasher {
    /** What an item is to the banks. */
    record Hashes(Optional<String> sha256, Optional<PdqResult> pdq, AvHashes av) {}

    private final Screener screener;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final FetchHook fetch;
    private final ObjectSource objects;

    ItemHasher(Screener screener, MediaRepository media, BlobStore blobs, FetchHook fetch, ObjectSource objects) {
        this.screener = Objects.requireNonNull(screener, "screener");
        this.media = Objects.requireNonNull(media, "media");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.objects = Objects.requireNonNull(objects, "objects");
    }

    Hashes hash(ScanSource source, ScanItems.Item item) throws IOException, MediaRejectedException {
        return switch (source.kind()) {
            case STORED_MEDIA, BANK_ADDITION -> stored(item.key());
            case FOLDER -> {
                try (MediaSource s = FolderWalk.open(Path.of(source.folder().orElseThrow()), item.key())) {
                    yield fresh(s);
                }
            }
            case LIST -> {
                try (MediaSource s = fetch.open(item.label())) {
                    yield fresh(s);
                }
            }
            case OBJECT_PREFIX -> {
                try (MediaSource s = objects.open(source.objects().orElseThrow().bucket(), item.key())) {
                    yield fresh(s);
                }
            }
        };
    }

    private Hashes stored(String id) throws IOException, MediaRejectedException {
        MediaRecord m = media.find(id).orElseThrow(() -> new IOException("media " + id + " is no longer stored"));
        if (m.pdq().isPresent() || m.av().hasHashes()) return new Hashes(Optional.of(id), m.pdq(), m.av());
        Optional<Path> blob = m.blobStored() ? blobs.locate(id) : Optional.empty();
        if (blob.isEmpty()) return new Hashes(Optional.of(id), Optional.empty(), AvHashes.NONE); // exact match only
        try (MediaSource s = MediaSource.open(blob.get())) {
            return fresh(s);
        }
    }

    Hashes fresh(MediaSource s) throws IOException, MediaRejectedException {
        Screener.HashReport r = screener.hashes(s);
        Optional<PdqResult> pdq = r.pdq().map(d -> new PdqResult(d.get(Dihedral.ORIG), d.quality()));
        return new Hashes(Optional.of(r.digests().sha256()), pdq, r.av());
    }
}

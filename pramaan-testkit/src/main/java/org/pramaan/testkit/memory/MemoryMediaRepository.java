package org.pramaan.testkit.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadRecord;

final class MemoryMediaRepository implements MediaRepository {
    private final MemoryStore store;

    MemoryMediaRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void save(MediaRecord record) {
        Objects.requireNonNull(record, "record");
        store.locked(t -> t.media.put(record.id(), record));
    }

    @Override
    public Optional<MediaRecord> find(String id) {
        return store.locked(t -> Optional.ofNullable(t.media.get(id)));
    }

    @Override
    public List<String> idsAfter(String after, int limit) {
        // Ascending id order, as the SQLite adapter's ORDER BY id (the primary key).
        return store.locked(t -> t.media.keySet().stream()
                .filter(id -> id.compareTo(after) > 0)
                .sorted()
                .limit(limit)
                .toList());
    }

    @Override
    public long count() {
        return store.locked(t -> (long) t.media.size());
    }

    @Override
    public List<MediaRecord> withStatus(MediaStatus status) {
        // Ordered by id, as the SQLite adapter's ORDER BY id.
        return store.locked(t -> t.media.values().stream()
                .filter(m -> m.status() == status)
                .sorted(java.util.Comparator.comparing(MediaRecord::id))
                .toList());
    }

    @Override
    public UploadRecord addUpload(UploadRecord upload) {
        Objects.requireNonNull(upload, "upload");
        return store.locked(t -> {
            UploadRecord stored = new UploadRecord(
                    ++t.lastUploadId,
                    upload.mediaId(),
                    upload.at(),
                    upload.uploaderId(),
                    upload.externalId(),
                    upload.declaration(),
                    upload.decision());
            t.uploads.put(stored.id(), stored);
            return stored;
        });
    }

    @Override
    public List<UploadRecord> uploads(String mediaId) {
        return store.locked(t -> t.uploads.values().stream()
                .filter(u -> u.mediaId().equals(mediaId))
                .toList());
    }

    @Override
    public Optional<String> mediaIdForExternalId(String externalId) {
        return store.locked(t -> t.uploads.descendingMap().values().stream()
                .filter(u -> u.externalId().equals(Optional.of(externalId)))
                .map(UploadRecord::mediaId)
                .findFirst());
    }
}

package org.pramaan.intake;

import java.util.List;
import java.util.Optional;

/** Port: stored media records and their uploads. */
public interface MediaRepository {
    /** Inserts or replaces the record with this id. */
    void save(MediaRecord record);

    Optional<MediaRecord> find(String id);

    /** Every media item in a status (for retention purges). */
    List<MediaRecord> withStatus(MediaStatus status);

    /**
     * Ids of stored media in ascending order, after {@code after} (empty string: from the first), at
     * most {@code limit}: a back-scan walks the corpus in this order and resumes after its checkpoint.
     */
    List<String> idsAfter(String after, int limit);

    /** How many media items are stored. */
    long count();

    /** Stores the upload and returns it with its assigned id. */
    UploadRecord addUpload(UploadRecord upload);

    List<UploadRecord> uploads(String mediaId);

    /** The media most recently uploaded under this platform-side id. */
    Optional<String> mediaIdForExternalId(String externalId);
}

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

    /** Stores the upload and returns it with its assigned id. */
    UploadRecord addUpload(UploadRecord upload);

    List<UploadRecord> uploads(String mediaId);

    /** The media most recently uploaded under this platform-side id. */
    Optional<String> mediaIdForExternalId(String externalId);
}

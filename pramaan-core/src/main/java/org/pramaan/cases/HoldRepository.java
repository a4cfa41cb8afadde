package org.pramaan.cases;

import java.util.List;
import java.util.Optional;

/** Port: durable holds. */
public interface HoldRepository {
    /** Stores a new hold and returns it with its id. */
    Hold add(Hold hold);

    /** Replaces a stored hold (to record its release). */
    void save(Hold hold);

    Optional<Hold> find(long id);

    List<Hold> forMedia(String mediaId);
}

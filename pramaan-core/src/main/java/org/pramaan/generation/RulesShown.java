package org.pramaan.generation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a user was last shown the service's rules (IT Rules r.3(1)(c): at least once every three
 * months), and whether the "due" event for that showing was already sent.
 *
 * @param dueNotifiedAt set when the webhook event saying the user is due went out; cleared by the next showing
 */
public record RulesShown(String userId, Instant shownAt, String language, Optional<Instant> dueNotifiedAt) {
    public RulesShown {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(shownAt, "shownAt");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dueNotifiedAt, "dueNotifiedAt");
    }

    RulesShown notified(Instant at) {
        return new RulesShown(userId, shownAt, language, Optional.of(at));
    }
}

package org.pramaan.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case as a previous system recorded it, for {@link CaseService#importCase}: the notice with its
 * receipt time and the history already made (actions, statements of reasons, appeals), each with
 * the time it happened there. Nothing here is trusted: the import checks every time against the
 * clock and the order of the history before storing anything.
 *
 * @param sourceId   the case's id in the previous system; with the source system it determines the Pramaan id, so a
 *                   case is imported once
 * @param noticeType rule-pack notice type id
 * @param mediaId    the content it targets (already in Pramaan)
 * @param receivedAt when the previous system received the notice; every clock runs from here
 * @param fields     the notice's fields as submitted
 * @param actions    actions taken, oldest first
 * @param statements statements of reasons already issued (DSA art.17), oldest first
 * @param appeals    appeals already received, and decided where they were, oldest first
 */
public record ImportedCase(
        String sourceId,
        String noticeType,
        String mediaId,
        Instant receivedAt,
        Map<String, String> fields,
        List<PastAction> actions,
        List<PastStatement> statements,
        List<PastAppeal> appeals) {
    public ImportedCase {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(noticeType, "noticeType");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        fields = Map.copyOf(fields);
        actions = List.copyOf(actions);
        statements = List.copyOf(statements);
        appeals = List.copyOf(appeals);
    }

    /** An action the previous system applied, by whom (its own actor name) and when. */
    public record PastAction(CaseAction action, Instant at, String actor, String note) {
        public PastAction {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(note, "note");
        }
    }

    /** A statement of reasons already issued, by its platform unique id (DSA art.24(5) Transparency Database). */
    public record PastStatement(Instant at, String puid) {
        public PastStatement {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(puid, "puid");
        }
    }

    /**
     * An appeal (DSA art.20) the previous system received, and its decision when one was made.
     *
     * @param reversed whether the decision reversed the restriction; present exactly when decidedAt is
     */
    public record PastAppeal(
            Instant receivedAt,
            String appellant,
            String statement,
            Optional<Instant> decidedAt,
            Optional<Boolean> reversed,
            String reviewer) {
        public PastAppeal {
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(appellant, "appellant");
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(decidedAt, "decidedAt");
            Objects.requireNonNull(reversed, "reversed");
            Objects.requireNonNull(reviewer, "reviewer");
        }
    }

    /** What an import did: the case, and whether it had been imported before (then nothing changed). */
    public record Outcome(CaseFile file, boolean alreadyImported) {
        public Outcome {
            Objects.requireNonNull(file, "file");
        }
    }
}

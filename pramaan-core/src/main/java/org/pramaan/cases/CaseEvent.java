package org.pramaan.cases;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.pramaan.errors.Invalid;

/**
 * Something that happened on a case, in past tense: one record per kind, so consumers switch on
 * the type (exhaustively) rather than on strings. Each keeps when it happened and its attributes
 * as stored; the stored and wire name ({@code opened}, {@code clock_stopped}, ...) comes only from
 * {@link #wireName()} and is read back only through {@link #of}, so the SQLite rows, the audit
 * entry types ({@code case.<wireName>}), the webhook {@code type} and the case JSON stay
 * byte-identical to what string-typed events wrote. (De)serialised by {@link CaseEventJson} in
 * that same shape: {@code {"at":…,"details":{…},"type":…}}.
 */
@JsonSerialize(using = CaseEventJson.Writer.class)
@JsonDeserialize(using = CaseEventJson.Reader.class)
public sealed interface CaseEvent {
    Instant at();

    /** The event's attributes as stored (e.g. {@code clock}, {@code threshold}, {@code late} of an escalation). */
    Map<String, String> details();

    /** The name stored in the case row and shown on the wire; the one place each type's string lives. */
    default String wireName() {
        return switch (this) {
            case Opened e -> "opened";
            case InformationRequested e -> "information_requested";
            case RoutedToLegalReview e -> "routed_to_legal_review";
            case FieldsSupplied e -> "fields_supplied";
            case NoticeCompleted e -> "notice_completed";
            case Escalated e -> "escalated";
            case Breached e -> "breached";
            case ActionTaken e -> "action_taken";
            case StatementIssued e -> "statement_of_reasons";
            case ClockStopped e -> "clock_stopped";
            case IdenticalCopiesRemoved e -> "identical_copies_removed";
            case RepeatInfringerFlagged e -> "repeat_infringer_flagged";
            case AccountWarned e -> "account_warned";
            case AccountSuspended e -> "account_suspended";
            case AppealReceived e -> "appeal_received";
            case AppealDecided e -> "appeal_decided";
            case Resurfaced e -> "resurfaced";
            case Assigned e -> "assigned";
            case Unassigned e -> "unassigned";
            case EscalatedToSenior e -> "escalated_to_senior";
            case QualityReviewed e -> "quality_reviewed";
            case LikenessMatched e -> "likeness_matched";
        };
    }

    /**
     * The event a stored row or message names; for adapters reading cases back.
     *
     * @throws Invalid naming {@code type} when {@code wireType} is no known event
     */
    static CaseEvent of(String wireType, Instant at, Map<String, String> details) {
        return switch (wireType) {
            case "opened" -> new Opened(at, details);
            case "information_requested" -> new InformationRequested(at, details);
            case "routed_to_legal_review" -> new RoutedToLegalReview(at, details);
            case "fields_supplied" -> new FieldsSupplied(at, details);
            case "notice_completed" -> new NoticeCompleted(at, details);
            case "escalated" -> new Escalated(at, details);
            case "breached" -> new Breached(at, details);
            case "action_taken" -> new ActionTaken(at, details);
            case "statement_of_reasons" -> new StatementIssued(at, details);
            case "clock_stopped" -> new ClockStopped(at, details);
            case "identical_copies_removed" -> new IdenticalCopiesRemoved(at, details);
            case "repeat_infringer_flagged" -> new RepeatInfringerFlagged(at, details);
            case "account_warned" -> new AccountWarned(at, details);
            case "account_suspended" -> new AccountSuspended(at, details);
            case "appeal_received" -> new AppealReceived(at, details);
            case "appeal_decided" -> new AppealDecided(at, details);
            case "resurfaced" -> new Resurfaced(at, details);
            case "assigned" -> new Assigned(at, details);
            case "unassigned" -> new Unassigned(at, details);
            case "escalated_to_senior" -> new EscalatedToSenior(at, details);
            case "quality_reviewed" -> new QualityReviewed(at, details);
            case "likeness_matched" -> new LikenessMatched(at, details);
            default -> throw new Invalid("type", "unknown case event type '" + wireType + "'");
        };
    }

    private static Map<String, String> checked(Instant at, Map<String, String> details) {
        Objects.requireNonNull(at, "at");
        return Map.copyOf(details);
    }

    /** A notice opened the case. Stored as {@code opened}. */
    record Opened(Instant at, Map<String, String> details) implements CaseEvent {
        public Opened {
            details = checked(at, details);
        }
    }

    /** The notice lacked required fields and the notifier was asked for them; no clock runs yet. Stored as {@code information_requested}. */
    record InformationRequested(Instant at, Map<String, String> details) implements CaseEvent {
        public InformationRequested {
            details = checked(at, details);
        }
    }

    /** The notice lacked required fields and went to legal review; its clocks run. Stored as {@code routed_to_legal_review}. */
    record RoutedToLegalReview(Instant at, Map<String, String> details) implements CaseEvent {
        public RoutedToLegalReview {
            details = checked(at, details);
        }
    }

    /** The notifier supplied missing notice fields. Stored as {@code fields_supplied}. */
    record FieldsSupplied(Instant at, Map<String, String> details) implements CaseEvent {
        public FieldsSupplied {
            details = checked(at, details);
        }
    }

    /** The last missing field arrived; the clocks started. Stored as {@code notice_completed}. */
    record NoticeCompleted(Instant at, Map<String, String> details) implements CaseEvent {
        public NoticeCompleted {
            details = checked(at, details);
        }
    }

    /** A clock passed one of its escalation thresholds. Stored as {@code escalated}. */
    record Escalated(Instant at, Map<String, String> details) implements CaseEvent {
        public Escalated {
            details = checked(at, details);
        }
    }

    /** A clock passed its deadline while running. Stored as {@code breached}. */
    record Breached(Instant at, Map<String, String> details) implements CaseEvent {
        public Breached {
            details = checked(at, details);
        }
    }

    /** A person applied an action to the case. Stored as {@code action_taken}. */
    record ActionTaken(Instant at, Map<String, String> details) implements CaseEvent {
        public ActionTaken {
            details = checked(at, details);
        }

        /** The action applied. */
        public CaseAction action() {
            return CaseAction.valueOf(details.get("action"));
        }
    }

    /** A DSA art.17 statement of reasons was made for a restriction. Stored as {@code statement_of_reasons}. */
    record StatementIssued(Instant at, Map<String, String> details) implements CaseEvent {
        public StatementIssued {
            details = checked(at, details);
        }
    }

    /** An action settled a clock, in time or late. Stored as {@code clock_stopped}. */
    record ClockStopped(Instant at, Map<String, String> details) implements CaseEvent {
        public ClockStopped {
            details = checked(at, details);
        }
    }

    /** Identical copies of removed content were removed too (the pack's identicalCopies rule). Stored as {@code identical_copies_removed}. */
    record IdenticalCopiesRemoved(Instant at, Map<String, String> details) implements CaseEvent {
        public IdenticalCopiesRemoved {
            details = checked(at, details);
        }
    }

    /** An uploader reached the pack's repeat-infringer counts (DSA art.23). Stored as {@code repeat_infringer_flagged}. */
    record RepeatInfringerFlagged(Instant at, Map<String, String> details) implements CaseEvent {
        public RepeatInfringerFlagged {
            details = checked(at, details);
        }
    }

    /** An uploader's account was warned (DSA art.23(1)). Stored as {@code account_warned}. */
    record AccountWarned(Instant at, Map<String, String> details) implements CaseEvent {
        public AccountWarned {
            details = checked(at, details);
        }
    }

    /** An uploader's account was suspended for a period (DSA art.23(1)). Stored as {@code account_suspended}. */
    record AccountSuspended(Instant at, Map<String, String> details) implements CaseEvent {
        public AccountSuspended {
            details = checked(at, details);
        }
    }

    /** The affected user appealed the restriction (DSA art.20). Stored as {@code appeal_received}. */
    record AppealReceived(Instant at, Map<String, String> details) implements CaseEvent {
        public AppealReceived {
            details = checked(at, details);
        }
    }

    /** A person decided the pending appeal (DSA art.20(6)). Stored as {@code appeal_decided}. */
    record AppealDecided(Instant at, Map<String, String> details) implements CaseEvent {
        public AppealDecided {
            details = checked(at, details);
        }
    }

    /** Content the case removed was uploaded again and blocked. Stored as {@code resurfaced}. */
    record Resurfaced(Instant at, Map<String, String> details) implements CaseEvent {
        public Resurfaced {
            details = checked(at, details);
        }
    }

    /** A person took the case or was given it ({@code assignee}, {@code by}). Stored as {@code assigned}. */
    record Assigned(Instant at, Map<String, String> details) implements CaseEvent {
        public Assigned {
            details = checked(at, details);
        }
    }

    /** The case was handed back to the shared queue ({@code by}). Stored as {@code unassigned}. */
    record Unassigned(Instant at, Map<String, String> details) implements CaseEvent {
        public Unassigned {
            details = checked(at, details);
        }
    }

    /**
     * A reviewer passed the case to a senior reviewer ({@code to}, {@code by}, {@code note}); distinct
     * from {@link Escalated}, which a clock threshold fires. Stored as {@code escalated_to_senior}.
     */
    record EscalatedToSenior(Instant at, Map<String, String> details) implements CaseEvent {
        public EscalatedToSenior {
            details = checked(at, details);
        }
    }

    /**
     * A second reviewer's blind decision on a sampled case ({@code reviewer}, {@code decision},
     * {@code firstReviewer}, {@code firstDecision}, {@code agrees}). Stored as {@code quality_reviewed}.
     */
    record QualityReviewed(Instant at, Map<String, String> details) implements CaseEvent {
        public QualityReviewed {
            details = checked(at, details);
        }
    }

    /**
     * An upload showed the face of the protected person whose standing complaint this is (issue 16):
     * {@code mediaId}, {@code uploadId}, {@code person}, {@code similarity}, {@code model}, {@code decision}.
     * Stored as {@code likeness_matched}; it decides nothing, a reviewer looks.
     */
    record LikenessMatched(Instant at, Map<String, String> details) implements CaseEvent {
        public LikenessMatched {
            details = checked(at, details);
        }
    }
}

package org.pramaan.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.limits.PlainText;

/** Which case events people are told of, and the values their message texts need. */
final class PeopleMessages {
    /** A message to the complainant (no account) or to an uploader's account. */
    record Message(MessageKind kind, Optional<String> accountId, CaseEvent event) {}

    /** Notice fields a notifier's e-mail address may arrive in, by rule pack (EU art.16(2)(c), US §223a contact, IN complaint forms). */
    private static final List<String> EMAIL_FIELDS =
            List.of("notifier_email", "complainant_email", "contact_email", "contact_info");

    private PeopleMessages() {}

    static List<Message> of(CaseFile c, CaseEvent e, Function<CaseFile, List<String>> uploaders) {
        List<Message> out = new ArrayList<>();
        // Exhaustive: a new kind of event must be placed here (told to someone or deliberately to no one).
        switch (e) {
            case CaseEvent.Opened x -> out.add(complainant(MessageKind.ACKNOWLEDGEMENT, e));
            case CaseEvent.InformationRequested x -> out.add(complainant(MessageKind.INFORMATION_REQUESTED, e));
            case CaseEvent.Resurfaced x -> out.add(complainant(MessageKind.RESURFACED, e));
            case CaseEvent.ActionTaken taken -> {
                CaseAction a = taken.action();
                if (a.closesCase()) out.add(complainant(MessageKind.DECISION, e));
                MessageKind toUploader = a == CaseAction.RESTORE
                        ? MessageKind.RESTORED
                        : a.restrictsContent() ? MessageKind.RESTRICTION : null;
                if (toUploader != null)
                    for (String id : uploaders.apply(c)) out.add(new Message(toUploader, Optional.of(id), e));
            }
            case CaseEvent.AppealDecided x -> {
                for (String id : uploaders.apply(c))
                    out.add(new Message(MessageKind.APPEAL_DECIDED, Optional.of(id), e));
            }
            case CaseEvent.AccountWarned x ->
                out.add(new Message(
                        MessageKind.ACCOUNT_WARNED, Optional.of(e.details().get("accountId")), e));
            case CaseEvent.AccountSuspended x ->
                out.add(new Message(
                        MessageKind.ACCOUNT_SUSPENDED, Optional.of(e.details().get("accountId")), e));
            // Internal to the case or for reviewers: the platform's webhook carries them, people are not messaged.
            case CaseEvent.RoutedToLegalReview x -> {}
            case CaseEvent.FieldsSupplied x -> {}
            case CaseEvent.NoticeCompleted x -> {}
            case CaseEvent.Escalated x -> {}
            case CaseEvent.Breached x -> {}
            case CaseEvent.StatementIssued x -> {}
            case CaseEvent.ClockStopped x -> {}
            case CaseEvent.IdenticalCopiesRemoved x -> {}
            case CaseEvent.RepeatInfringerFlagged x -> {}
            case CaseEvent.AppealReceived x -> {}
            // The console's work routing and quality sampling: reviewers' business, never the notifier's or uploader's.
            case CaseEvent.Assigned x -> {}
            case CaseEvent.Unassigned x -> {}
            case CaseEvent.EscalatedToSenior x -> {}
            case CaseEvent.QualityReviewed x -> {}
            // For the case's reviewers (the review queue puts the upload first); not a message to anyone.
            case CaseEvent.LikenessMatched x -> {}
        }
        return out;
    }

    private static Message complainant(MessageKind k, CaseEvent e) {
        return new Message(k, Optional.empty(), e);
    }

    /**
     * The first notice field that looks like an e-mail address. Plain code, not the regular expression
     * {@code ^[^@\s]+@[^@\s]+\.[^@\s]+$} it replaces: that backtracked quadratically, and this runs
     * inside the case service's lock via {@link CaseNotifier} (issue 11 defect 1).
     */
    static Optional<String> complainantEmail(CaseFile c) {
        return EMAIL_FIELDS.stream()
                .map(f -> c.notice().getOrDefault(f, "").trim())
                .filter(PlainText::looksLikeEmail)
                .findFirst();
    }

    /** The notice's {@code language} field when texts exist for it, else the platform's default. */
    static String language(CaseFile c, String fallback) {
        String l = c.notice().getOrDefault("language", "").trim().toLowerCase(java.util.Locale.ROOT);
        return Templates.LANGUAGES.contains(l) ? l : fallback;
    }

    /** Times are shown in {@code zone}, the case's pack's peopleTime, with its name, so a 2-hour deadline reads right to the person it protects. */
    static Map<String, String> values(CaseFile c, Message m, String language, ZoneId zone) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("caseId", c.id());
        v.put("article", c.article());
        v.put("receivedAt", time(c.receivedAt(), zone));
        v.put("deadline", c.nextDeadline().map(d -> time(d, zone)).orElse("-"));
        v.put("missing", m.event().details().getOrDefault("missing", "").replace(",", ", "));
        v.put("at", time(m.event().at(), zone));
        Optional.ofNullable(m.event()
                        .details()
                        .getOrDefault("action", m.event().details().get("decision")))
                .ifPresent(d -> v.put("decision", Templates.load(language).label("action." + d)));
        v.put(
                "reason",
                m.event().details().getOrDefault("reason", m.event().details().getOrDefault("note", "")));
        v.put("territories", m.event().details().getOrDefault("territories", ""));
        v.put(
                "until",
                Optional.ofNullable(m.event().details().get("until"))
                        .map(u -> time(Instant.parse(u), zone))
                        .orElse(""));
        return v;
    }

    private static String time(Instant t, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz")
                .withZone(zone)
                .format(t);
    }
}

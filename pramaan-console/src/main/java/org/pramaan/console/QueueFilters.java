package org.pramaan.console;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.RulePack;
import org.pramaan.errors.Invalid;

/**
 * The queue page's filters, read from the query string: jurisdiction, notice type, state (legal review, awaiting
 * information, breached) and assignment (mine, no one's). Each value is capped and must be one the page offered, so a
 * hand-edited URL gets a refusal naming the parameter instead of an empty queue that looks like "nothing to do".
 *
 * @param jurisdiction the chosen jurisdiction code, or empty for all
 * @param type the chosen notice type id, or empty for all
 * @param state {@code legal}, {@code awaiting}, {@code breached}, or empty for all
 * @param assigned {@code me}, {@code none}, or empty for anyone's
 * @param jurisdictions the jurisdictions of the loaded rule packs, for the select
 * @param types the notice type ids of the loaded rule packs, for the select
 */
public record QueueFilters(
        String jurisdiction,
        String type,
        String state,
        String assigned,
        List<String> jurisdictions,
        List<String> types) {

    static final List<String> STATES = List.of("legal", "awaiting", "breached");
    static final List<String> ASSIGNED = List.of("me", "none");
    private static final int MAX_VALUE = 64;

    static QueueFilters parse(Function<String, String> query, List<RulePack.NoticeType> noticeTypes) {
        List<String> jurisdictions = noticeTypes.stream()
                .map(RulePack.NoticeType::jurisdiction)
                .distinct()
                .sorted()
                .toList();
        List<String> types = noticeTypes.stream()
                .map(RulePack.NoticeType::id)
                .distinct()
                .sorted()
                .toList();
        return new QueueFilters(
                oneOf(query, "jurisdiction", jurisdictions),
                oneOf(query, "type", types),
                oneOf(query, "state", STATES),
                oneOf(query, "assigned", ASSIGNED),
                jurisdictions,
                types);
    }

    private static String oneOf(Function<String, String> query, String name, List<String> allowed) {
        String v = Objects.requireNonNullElse(query.apply(name), "").strip();
        if (v.isEmpty()) return "";
        if (v.length() > MAX_VALUE)
            throw new Invalid(name, name + " is " + v.length() + " characters; at most " + MAX_VALUE);
        for (String a : allowed) if (a.equalsIgnoreCase(v)) return a;
        throw new Invalid(name, name + " '" + v + "' is not one of " + allowed);
    }

    /** The core queue filter these choices mean. */
    CaseQueue.Filter filter() {
        Optional<CaseQueue.State> st = switch (state) {
            case "legal" -> Optional.of(CaseQueue.State.LEGAL_REVIEW);
            case "awaiting" -> Optional.of(CaseQueue.State.AWAITING_INFORMATION);
            case "breached" -> Optional.of(CaseQueue.State.BREACHED);
            default -> Optional.empty();
        };
        Optional<CaseQueue.Assignment> who = switch (assigned) {
            case "me" -> Optional.of(new CaseQueue.Assignment.ToMe());
            case "none" -> Optional.of(new CaseQueue.Assignment.Unassigned());
            default -> Optional.empty();
        };
        return new CaseQueue.Filter(
                jurisdiction.isEmpty() ? Optional.empty() : Optional.of(jurisdiction),
                type.isEmpty() ? Optional.empty() : Optional.of(type),
                st,
                who,
                Optional.empty());
    }
}

package org.pramaan.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.access.People;
import org.pramaan.access.Person;
import org.pramaan.access.Role;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;

/**
 * Who works a case: claim, assign to a named person, reassign, unassign, and escalate to a senior
 * reviewer with a note. Each change is a {@link CaseEvent} on the case (so the case's
 * {@link CaseFile#assignee()} is its history's answer) and an audit entry naming who did it, in one
 * unit of work. Only reviewers and admins act or are named; a senior reviewer is an admin, or an
 * account whose senior flag an admin set ({@link Person}).
 */
public final class CaseAssignments {
    /** Longest escalation note; the edge caps request text before this too. */
    public static final int MAX_NOTE = 4000;

    private final CaseLedger ledger;
    private final People people;

    public CaseAssignments(CaseService cases, People people) {
        this.ledger = Objects.requireNonNull(cases, "cases").ledger;
        this.people = Objects.requireNonNull(people, "people");
    }

    /** Assigns the case to the person acting. */
    public CaseFile claim(String caseId, Actor me) {
        Person p = person(me);
        return change(caseId, me, c -> assigned(c, p.id(), me));
    }

    /**
     * Assigns (or reassigns) the case to {@code assignee} ({@code key:<id>} or {@code user:<name>}).
     *
     * @throws Invalid naming {@code assignee} when it is no reviewer or admin (an ingest key, an unknown name)
     */
    public CaseFile assign(String caseId, String assignee, Actor by) {
        person(by);
        Person to = people.require("assignee", assignee);
        return change(caseId, by, c -> assigned(c, to.id(), by));
    }

    /** Hands the case back to the shared queue; a case assigned to no one is left as it is. */
    public CaseFile unassign(String caseId, Actor by) {
        person(by);
        return change(
                caseId,
                by,
                c -> c.assignee().isEmpty()
                        ? Optional.empty()
                        : Optional.of(new CaseEvent.Unassigned(
                                ledger.clock.instant(),
                                Map.of(
                                        "by",
                                        by.wireName(),
                                        "previous",
                                        c.assignee().get()))));
    }

    /**
     * Escalates the case to a senior reviewer, who becomes its assignee, with a note saying why.
     *
     * @throws Invalid naming {@code to} when that person is not senior or is the one escalating, or {@code note} when it is blank or too long
     */
    public CaseFile escalate(String caseId, String to, String note, Actor by) {
        Person from = person(by);
        Person senior = people.require("to", to);
        if (!senior.senior())
            throw new Invalid(
                    "to",
                    "to '" + senior.id()
                            + "' is not a senior reviewer (an admin, or an account created with the senior flag)");
        if (senior.id().equals(from.id()))
            throw new Invalid("to", "a case cannot be escalated to the person escalating it");
        if (note.isBlank()) throw new Invalid("note", "an escalation needs a note saying why");
        if (note.length() > MAX_NOTE)
            throw new Invalid("note", "note is " + note.length() + " characters; at most " + MAX_NOTE + " are allowed");
        return change(caseId, by, c -> {
            Map<String, String> d = new LinkedHashMap<>(Map.of("to", senior.id(), "by", by.wireName(), "note", note));
            c.assignee().ifPresent(a -> d.put("previous", a));
            return Optional.of(new CaseEvent.EscalatedToSenior(ledger.clock.instant(), d));
        });
    }

    private Optional<CaseEvent> assigned(CaseFile c, String assignee, Actor by) {
        if (c.assignee().filter(assignee::equals).isPresent() && c.escalatedTo().isEmpty()) return Optional.empty();
        Map<String, String> d = new LinkedHashMap<>(Map.of("assignee", assignee, "by", by.wireName()));
        c.assignee().ifPresent(a -> d.put("previous", a));
        return Optional.of(new CaseEvent.Assigned(ledger.clock.instant(), d));
    }

    /** The person acting; only reviewers and admins route work. */
    private Person person(Actor by) {
        if (by instanceof Actor.Key k && k.role().filter(r -> r == Role.INGEST).isPresent())
            throw new Forbidden("auth.forbidden", "ingest key " + k.keyId() + " may not assign cases");
        return people.of(by)
                .orElseThrow(() -> new Forbidden(
                        "auth.forbidden",
                        "'" + by.wireName() + "' is no reviewer or admin, so it may not assign or escalate cases"));
    }

    private CaseFile change(String caseId, Actor by, java.util.function.Function<CaseFile, Optional<CaseEvent>> event) {
        return ledger.locked(() -> {
            CaseFile c = ledger.require(caseId);
            if (c.state() != CaseState.OPEN)
                throw new Conflict(CaseLedger.CONFLICT, "case " + caseId + " is closed; only open cases are assigned");
            Optional<CaseEvent> e = event.apply(c);
            if (e.isEmpty()) return c;
            CaseFile updated = c.with(c.clocks(), c.state(), c.outcome(), List.of(e.get()));
            ledger.store(updated, c.events().size());
            Map<String, Object> details = new LinkedHashMap<>(e.get().details());
            details.remove("note"); // the note stays on the case; the audit entry records who moved it where
            details.put("by", by.wireName());
            ledger.audit.append("case." + e.get().wireName(), "case:" + caseId, details);
            return updated;
        });
    }

    /** Everyone a case can be assigned to, for a picker. */
    public List<Person> assignable() {
        return people.all();
    }

    /** Everyone a case can be escalated to. */
    public List<Person> seniors() {
        return people.all().stream().filter(Person::senior).toList();
    }
}

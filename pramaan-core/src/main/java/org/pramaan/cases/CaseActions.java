package org.pramaan.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.json.Json;
import org.pramaan.limits.PlainText;

/** Applies an action to a case: its clocks, its content and accounts, its statement of reasons. */
final class CaseActions {
    private final CaseLedger ledger;
    private final ContentEffects effects;

    CaseActions(CaseLedger ledger, ContentEffects effects) {
        this.ledger = ledger;
        this.effects = effects;
    }

    CaseFile act(
            String caseId,
            CaseAction action,
            Actor actor,
            String note,
            Map<String, String> params,
            Optional<CaseFinding> finding) {
        // Issue 16: a finding is what the reviewer who settles the content found it to be; an acknowledgement or an
        // account action settles nothing about the item, so a finding there would label it on no decision.
        if (finding.isPresent() && !(action.closesCase() || action == CaseAction.RESTORE))
            throw new Invalid(
                    "finding",
                    "a finding is given with a decision on the content (remove, geo_restrict, label, demote, dismiss,"
                            + " restore), not with " + action.name().toLowerCase(java.util.Locale.ROOT));
        // Labels train the next calibration: only a person's finding is one, never a component's (as in screening).
        if (finding.isPresent() && actor instanceof Actor.Component)
            throw new Invalid("finding", "a finding is given by a person, not by '" + actor.wireName() + "'");
        Map<String, String> copy = Map.copyOf(params);
        return ledger.locked(() -> actUnit(caseId, action, actor, note, copy, finding));
    }

    /**
     * The DSA art.17 statement this action would issue now, without storing anything (the console shows it before the
     * reviewer confirms); empty for actions that issue none (art.17(1) covers restrictions, restorations and suspensions).
     */
    Optional<Map<String, Object>> previewStatement(String caseId, CaseAction action, Actor actor, String note) {
        CaseFile c = ledger.require(caseId);
        if (!(action.restrictsContent() || action == CaseAction.RESTORE)) return Optional.empty();
        int seq = (int) c.events().stream()
                        .filter(e -> e instanceof CaseEvent.StatementIssued)
                        .count()
                + 1;
        Map<String, String> params = Map.of("action", action.name(), "actor", actor.wireName(), "note", note);
        return Optional.of(StatementOfReasons.forAction(
                c, action, effects.mediaOf(c), note, ledger.clock.instant(), seq, params, ledger.pack(c)));
    }

    private CaseFile actUnit(
            String caseId,
            CaseAction action,
            Actor actor,
            String note,
            Map<String, String> params,
            Optional<CaseFinding> finding) {
        CaseFile c = ledger.require(caseId);
        validate(c, action);
        RulePack pack = ledger.pack(c);
        Instant now = ledger.clock.instant();
        List<CaseEvent> added = new ArrayList<>();
        Map<String, String> taken =
                new LinkedHashMap<>(Map.of("action", action.name(), "actor", actor.wireName(), "note", note));
        if (action == CaseAction.GEO_RESTRICT) taken.put("territories", territories(params));
        added.add(new CaseEvent.ActionTaken(now, taken));
        List<CaseClock> clocks = settleClocks(c, action, now, added);
        if (action.onAccount()) {
            added.add(effects.actOnAccount(c, action, params, actor));
        } else {
            added.addAll(effects.apply(c, action, actor, pack));
            added.addAll(effects.countStrikes(c, action, pack));
        }
        if (action.restrictsContent() || action == CaseAction.RESTORE || action == CaseAction.SUSPEND_ACCOUNT) {
            // DSA art.17(1): the statement is due at the latest when the restriction applies, so it is made here.
            int seq = (int) c.events().stream()
                            .filter(e -> e instanceof CaseEvent.StatementIssued)
                            .count()
                    + 1;
            Map<String, String> sorParams = new LinkedHashMap<>(taken);
            added.stream()
                    .filter(e -> e instanceof CaseEvent.AccountSuspended)
                    .findFirst()
                    .ifPresent(e -> sorParams.put("until", e.details().get("until")));
            Map<String, Object> sor =
                    StatementOfReasons.forAction(c, action, effects.mediaOf(c), note, now, seq, sorParams, pack);
            List<String> problems = StatementOfReasons.validate(sor);
            if (!problems.isEmpty())
                throw new Conflict(
                        CaseLedger.CONFLICT,
                        "statement of reasons for " + c.id() + " fails the database rules: " + problems);
            added.add(
                    1,
                    new CaseEvent.StatementIssued(
                            now, Map.of("puid", String.valueOf(sor.get("puid")), "json", Json.write(sor))));
        }
        CaseState state = action.closesCase() ? CaseState.CLOSED : c.state();
        Optional<CaseAction> outcome = action.closesCase() ? Optional.of(action) : c.outcome();
        CaseFile updated = c.with(clocks, state, outcome, added);
        ledger.store(updated, c.events().size());
        Map<String, Object> details = AuditLog.details(
                "action",
                action.name(),
                "actor",
                actor.wireName(),
                "note",
                note,
                "mediaId",
                c.mediaId(),
                "params",
                params,
                "clocksStopped",
                added.stream()
                        .filter(e -> e instanceof CaseEvent.ClockStopped)
                        .map(e -> e.details().get("clock")
                                + (Boolean.parseBoolean(e.details().get("met")) ? ":met" : ":late"))
                        .toList());
        finding.ifPresent(f -> ledger.findings.record(c, f, actor, now, details));
        ledger.audit.append("case.action_taken", "case:" + c.id(), details);
        return updated;
    }

    static List<CaseClock> settleClocks(CaseFile c, CaseAction action, Instant now, List<CaseEvent> added) {
        List<CaseClock> clocks = new ArrayList<>();
        for (CaseClock k : c.clocks()) {
            boolean settles = k.running()
                    && (action.closesCase()
                            || (action == CaseAction.ACKNOWLEDGE && k.name().equals("acknowledge")));
            if (settles) {
                clocks.add(k.stop(now));
                added.add(new CaseEvent.ClockStopped(
                        now,
                        Map.of(
                                "clock",
                                k.name(),
                                "deadline",
                                k.dueAt().toString(),
                                "met",
                                Boolean.toString(!now.isAfter(k.dueAt())))));
            } else {
                clocks.add(k);
            }
        }
        return clocks;
    }

    /** ISO 3166-1 alpha-2 codes, comma-separated, as given with GEO_RESTRICT. */
    private static String territories(Map<String, String> params) {
        List<String> codes = PlainText.split(params.getOrDefault("territories", ""), ',', false).stream()
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
        if (codes.isEmpty())
            throw new Invalid(
                    "territories", "geo_restrict needs 'territories': ISO 3166-1 alpha-2 codes such as IN or DE,FR");
        for (String t : codes) {
            if (!PlainText.isUpperLetters(t, 2))
                throw new Invalid(
                        "territories", "territory '" + t + "' is not an ISO 3166-1 alpha-2 code (two capital letters)");
        }
        return String.join(",", codes);
    }

    private static void validate(CaseFile c, CaseAction action) {
        if (action == CaseAction.RESTORE) {
            if (c.outcome().map(CaseAction::restrictsContent).orElse(false)) return;
            throw new Conflict(
                    CaseLedger.CONFLICT,
                    "case " + c.id()
                            + " cannot be restored: only a restriction (remove, geo_restrict, label, demote) can be reversed (outcome is "
                            + c.outcome().map(Enum::name).orElse("none") + ")");
        }
        if (action.onAccount()) return; // art.23 actions often follow the removal that closed the case
        if (c.state() == CaseState.CLOSED) {
            throw new Conflict(
                    CaseLedger.CONFLICT,
                    "case " + c.id() + " is closed ("
                            + c.outcome().map(Enum::name).orElse("")
                            + "); only restore and account actions are possible");
        }
        if (action == CaseAction.ACKNOWLEDGE
                && c.clock("acknowledge").filter(CaseClock::running).isEmpty()) {
            throw new Conflict(CaseLedger.CONFLICT, "case " + c.id() + " has no running acknowledgement clock");
        }
    }
}

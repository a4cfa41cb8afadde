package org.pramaan.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.NoticeFields;
import org.pramaan.decision.Decision;
import org.pramaan.json.Json;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryState;
import org.pramaan.signals.SignalType;

/**
 * DSA arts.15, 24 and 42 in the sections of the quantitative template of Implementing Regulation (EU)
 * 2024/2835 Annex I (1.2 orders, 1.3 art.16 notices, 1.4 own-initiative moderation, 1.5 complaints,
 * out-of-court disputes and suspensions, 1.6 automated means), plus the art.24(5) Transparency
 * Database submissions. Decisions are read from the statements of reasons the cases issued (art.17),
 * which carry the template's own ground and automation categories.
 */
final class DsaReport {
    private DsaReport() {}

    static List<Section> build(ReportInputs in) {
        return List.of(orders(), notices(in), ownInitiative(in), complaints(in), automated(in), database(in));
    }

    private static Section orders() {
        String why = "Pramaan's EU rule pack has no art.9/art.10 order notice type, so orders are not recorded";
        return new Figures()
                .notRecorded("orders.to_act", "Member State orders to act against illegal content (art.9)", why)
                .notRecorded(
                        "orders.to_provide_information", "Member State orders to provide information (art.10)", why)
                .section("1.2", "Article 15(1)(a). Member State orders", "DSA art.15(1)(a)");
    }

    private static Section notices(ReportInputs in) {
        List<CaseFile> received = in.received();
        Figures f = new Figures()
                .count(
                        "notices.total",
                        "Notices submitted (art.16)",
                        ReportInputs.ids(received),
                        "EU cases received in the period");
        for (String type : in.noticeTypes()) {
            f.count(
                    "notices.by_type." + type,
                    "Notices: " + type,
                    ReportInputs.ids(received.stream()
                            .filter(c -> c.noticeType().equals(type))
                            .toList()),
                    "received in the period with noticeType " + type);
        }
        f.count(
                "notices.trusted_flaggers",
                "Notices submitted by trusted flaggers (art.22)",
                ReportInputs.ids(
                        received.stream().filter(NoticeFields::trustedFlagger).toList()),
                "received in the period from a key marked trusted flagger (server-set notice field trusted_flagger)");
        Map<String, List<String>> byCategory = new TreeMap<>();
        Map<String, List<String>> byGround = new TreeMap<>();
        for (Statement s : statements(in)) {
            byCategory
                    .computeIfAbsent(s.field("category"), k -> new ArrayList<>())
                    .add(s.ref());
            byGround.computeIfAbsent(s.field("decision_ground"), k -> new ArrayList<>())
                    .add(s.ref());
        }
        byCategory.forEach((k, ids) -> f.count(
                "actions.by_category." + k,
                "Decisions: " + k,
                ids,
                "statements of reasons issued in the period with category " + k));
        byGround.forEach((k, ids) -> f.count(
                "actions.by_ground." + k,
                "Decisions: " + k,
                ids,
                "statements of reasons issued in the period with decision_ground " + k));
        Timeliness.add(f, "notices.time_to_action.", in.cases(), in.period(), "the pack's art.16 decision clock");
        return f.section(
                "1.3",
                "Article 15(1)(b). Notices submitted in accordance with article 16 of Regulation (EU) 2022/2065",
                "DSA art.15(1)(b)");
    }

    private static Section ownInitiative(ReportInputs in) {
        List<String> bank = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (ReportSource.ScreenedUpload u : in.uploads()) {
            if (u.upload().decision() != Decision.BLOCK) continue;
            boolean matched = u.media().signals().stream().anyMatch(s -> s.type() == SignalType.HASH_BANK_MATCH);
            (matched ? bank : other).add(u.ref());
        }
        return new Figures()
                .count(
                        "own_initiative.bank_matches",
                        "Blocked at upload: hash-bank match (automated)",
                        bank,
                        "uploads in the period with decision BLOCK and a HASH_BANK_MATCH signal")
                .count(
                        "own_initiative.screening_blocks",
                        "Blocked at upload: screening policy (automated)",
                        other,
                        "uploads in the period with decision BLOCK and no bank match")
                .section(
                        "1.4",
                        "Article 15(1)(c). Meaningful and comprehensible information on own-initiative content moderation",
                        "DSA art.15(1)(c)");
    }

    private static Section complaints(ReportInputs in) {
        List<String> received = new ArrayList<>();
        List<String> upheld = new ArrayList<>();
        List<String> reversed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<Duration> times = new ArrayList<>();
        List<String> suspended = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        long suspensions = 0;
        long warnings = 0;
        for (CaseFile c : in.cases()) {
            CaseEvent.AppealReceived open = null;
            int receivedBefore = 0;
            int decidedBefore = 0;
            for (CaseEvent e : c.events()) {
                if (!e.at().isBefore(in.period().to())) break;
                if (e instanceof CaseEvent.AppealReceived a) {
                    receivedBefore++;
                    open = a;
                    if (in.period().contains(a.at())) received.add(c.id());
                } else if (e instanceof CaseEvent.AppealDecided d) {
                    decidedBefore++;
                    if (in.period().contains(d.at())) {
                        ("RESTRICTION_REVERSED".equals(d.details().get("decision")) ? reversed : upheld).add(c.id());
                        if (open != null) times.add(Duration.between(open.at(), d.at()));
                    }
                }
            }
            if (receivedBefore > decidedBefore) pending.add(c.id());
            int s = CaseFacts.eventsIn(c, CaseEvent.AccountSuspended.class, in.period())
                    .size();
            int w = CaseFacts.eventsIn(c, CaseEvent.AccountWarned.class, in.period())
                    .size();
            suspensions += s;
            warnings += w;
            if (s > 0) suspended.add(c.id());
            if (w > 0) warned.add(c.id());
        }
        List<String> decided = new ArrayList<>(upheld);
        decided.addAll(reversed);
        return new Figures()
                .count(
                        "complaints.received",
                        "Complaints received through the internal complaint-handling system (art.20)",
                        received,
                        "appeal_received events in the period on EU cases")
                .count(
                        "complaints.decision_upheld",
                        "Complaints decided: decision upheld",
                        upheld,
                        "appeal_decided RESTRICTION_UPHELD in the period")
                .count(
                        "complaints.decision_reversed",
                        "Complaints decided: decision reversed",
                        reversed,
                        "appeal_decided RESTRICTION_REVERSED in the period")
                .count(
                        "complaints.pending_at_period_end",
                        "Complaints awaiting a decision when the period ended",
                        pending,
                        "more appeals received than decided before the period's end")
                .seconds(
                        "complaints.median_seconds",
                        "Median time to decide a complaint",
                        CaseFacts.medianSeconds(times),
                        decided,
                        "appeal_decided in the period minus its appeal_received")
                .notRecorded(
                        "out_of_court.disputes",
                        "Disputes submitted to out-of-court settlement bodies (art.21)",
                        "Pramaan records no art.21 disputes")
                .events(
                        "suspensions.accounts",
                        "Account suspensions for manifestly illegal content (art.23)",
                        suspensions,
                        suspended,
                        "account_suspended events in the period on EU cases")
                .events(
                        "suspensions.warnings",
                        "Prior warnings before suspension (art.23(1))",
                        warnings,
                        warned,
                        "account_warned events in the period on EU cases")
                .notRecorded(
                        "suspensions.manifestly_unfounded_notices",
                        "Suspensions of notice providers for manifestly unfounded notices (art.23(2))",
                        "Pramaan does not suspend notifiers")
                .section(
                        "1.5",
                        "Articles 15(1)(d), 24(1)(a) and 24(1)(b). Internal complaints mechanism, out-of-court dispute settlement bodies and suspensions imposed on repeated offenders",
                        "DSA arts.15(1)(d), 20, 21, 23, 24(1)");
    }

    private static Section automated(ReportInputs in) {
        Map<String, List<String>> byMeans = new TreeMap<>();
        for (Statement s : statements(in))
            byMeans.computeIfAbsent(s.field("automated_decision"), k -> new ArrayList<>())
                    .add(s.ref());
        Figures f = new Figures();
        byMeans.forEach((k, ids) -> f.count(
                "automated.decisions." + k,
                "Decisions: " + k,
                ids,
                "statements of reasons issued in the period with automated_decision " + k));
        return f.section(
                "1.6",
                "Article 15(1)(b)(c)(e) and Article 42(2)(c). Use of automated means for content moderation",
                "DSA arts.15(1)(e), 42(2)(c)");
    }

    private static Section database(ReportInputs in) {
        List<String> issued = statements(in).stream().map(Statement::ref).toList();
        List<String> delivered = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Delivery d : in.submissions()) {
            switch (d.state()) {
                case DELIVERED -> delivered.add(d.id());
                case PENDING -> pending.add(d.id());
                case DEAD -> refused.add(d.id());
            }
        }
        return new Figures()
                .count(
                        "sor.issued",
                        "Statements of reasons issued (art.17)",
                        issued,
                        "statement_of_reasons events in the period on EU cases, by puid")
                .count(
                        "sor.submitted",
                        "Submitted to the Transparency Database",
                        delivered,
                        "TRANSPARENCY_DB messages enqueued in the period and state " + DeliveryState.DELIVERED)
                .count(
                        "sor.pending",
                        "Awaiting submission or retry",
                        pending,
                        "TRANSPARENCY_DB messages enqueued in the period and state " + DeliveryState.PENDING)
                .count(
                        "sor.refused",
                        "Refused by the database or given up (dead letters)",
                        refused,
                        "TRANSPARENCY_DB messages enqueued in the period and state " + DeliveryState.DEAD
                                + "; lastError holds the refusal")
                .section("24(5)", "Statements of reasons submitted to the DSA Transparency Database", "DSA art.24(5)");
    }

    /** The statements of reasons issued in the period on the report's cases, as stored with them. */
    private static List<Statement> statements(ReportInputs in) {
        List<Statement> out = new ArrayList<>();
        for (CaseFile c : in.cases()) {
            for (CaseEvent.StatementIssued s : CaseFacts.eventsIn(c, CaseEvent.StatementIssued.class, in.period())) {
                out.add(new Statement(
                        s.details().getOrDefault("puid", c.id()),
                        Json.read(s.details().getOrDefault("json", "{}"), JsonNode.class)));
            }
        }
        return out;
    }

    private record Statement(String ref, JsonNode json) {
        String field(String name) {
            String v = json.path(name).asText("");
            return v.isEmpty() ? "UNSPECIFIED" : v;
        }
    }
}

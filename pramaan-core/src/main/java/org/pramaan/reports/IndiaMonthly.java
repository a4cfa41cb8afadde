package org.pramaan.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pramaan.assessment.Tier;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.decision.Decision;
import org.pramaan.limits.PlainText;
import org.pramaan.signals.SignalType;

/**
 * IT Rules 2021 r.4(1)(d): a significant social media intermediary publishes every month "details of
 * complaints received and action taken thereon, and the number of specific communication links or
 * parts of information that the intermediary has removed or disabled access to in pursuance of any
 * proactive monitoring conducted by using automated tools"; with r.3(3) labels and r.4(1A) declarations.
 */
final class IndiaMonthly {
    /** The notice field a complaint form may fill with the complainant's ISO 3166-1 alpha-2 country. */
    static final String ORIGIN_FIELD = "origin_country";

    private IndiaMonthly() {}

    static List<Section> build(ReportInputs in) {
        return List.of(complaints(in), actions(in), proactive(in), synthetic(in));
    }

    private static Section complaints(ReportInputs in) {
        List<CaseFile> received = in.received();
        Figures f = new Figures()
                .count(
                        "complaints.received",
                        "Complaints and orders received",
                        ReportInputs.ids(received),
                        "IN cases whose receivedAt falls in the period");
        for (String type : in.noticeTypes()) {
            f.count(
                    "complaints.by_type." + type,
                    "Received: " + type,
                    ReportInputs.ids(received.stream()
                            .filter(c -> c.noticeType().equals(type))
                            .toList()),
                    "received in the period with noticeType " + type);
        }
        Map<String, List<String>> byOrigin = new TreeMap<>();
        List<String> unrecorded = new ArrayList<>();
        for (CaseFile c : received) {
            String o = c.notice().getOrDefault(ORIGIN_FIELD, "");
            if (PlainText.isUpperLetters(o, 2))
                byOrigin.computeIfAbsent(o, k -> new ArrayList<>()).add(c.id());
            else unrecorded.add(c.id());
        }
        byOrigin.forEach((code, ids) -> f.count(
                "complaints.by_origin." + code,
                "Received from " + code,
                ids,
                "received in the period with notice field " + ORIGIN_FIELD + "=" + code));
        f.count(
                "complaints.by_origin.unrecorded",
                "Received without a recorded jurisdiction of origin",
                unrecorded,
                "received in the period whose notice has no two-letter " + ORIGIN_FIELD + " field");
        return f.section("complaints", "Complaints received", "IT Rules r.4(1)(d): details of complaints received");
    }

    private static Section actions(ReportInputs in) {
        Figures f = new Figures();
        for (CaseAction a : CaseAction.values()) {
            long n = 0;
            List<String> ids = new ArrayList<>();
            for (CaseFile c : in.cases()) {
                for (CaseEvent.ActionTaken t : CaseFacts.actionsIn(c, in.period())) {
                    if (t.action() != a) continue;
                    n++;
                    ids.add(c.id());
                }
            }
            String name = a.name().toLowerCase(Locale.ROOT);
            f.events(
                    "actions." + name,
                    "Actions taken: " + name,
                    n,
                    ids,
                    "action_taken events with action " + a.name() + " in the period on IN cases");
        }
        Timeliness.add(f, "time_to_action.", in.cases(), in.period(), "the rule pack's clock in force at receipt");
        return f.section("actions", "Action taken", "IT Rules r.4(1)(d): action taken thereon; r.3(1)(d), r.3(2)");
    }

    private static Section proactive(ReportInputs in) {
        List<String> bank = new ArrayList<>();
        List<String> screening = new ArrayList<>();
        for (ReportSource.ScreenedUpload u : in.uploads()) {
            if (u.upload().decision() != Decision.BLOCK) continue;
            boolean matched = u.media().signals().stream().anyMatch(s -> s.type() == SignalType.HASH_BANK_MATCH);
            (matched ? bank : screening).add(u.ref());
        }
        List<String> resurfaced = new ArrayList<>();
        long resurfacedN = 0;
        for (CaseFile c : in.cases()) {
            int n = CaseFacts.eventsIn(c, CaseEvent.Resurfaced.class, in.period())
                    .size();
            resurfacedN += n;
            if (n > 0) resurfaced.add(c.id());
        }
        return new Figures()
                .count(
                        "proactive.bank_matches",
                        "Uploads blocked by a hash-bank match",
                        bank,
                        "uploads in the period with decision BLOCK whose media carries a HASH_BANK_MATCH signal")
                .count(
                        "proactive.screening_blocks",
                        "Uploads blocked by automated screening without a bank match",
                        screening,
                        "uploads in the period with decision BLOCK and no HASH_BANK_MATCH signal")
                .events(
                        "proactive.resurfaced_blocked",
                        "Re-uploads of content removed on an IN case, blocked",
                        resurfacedN,
                        resurfaced,
                        "resurfaced events in the period on IN cases")
                .section(
                        "proactive",
                        "Removed or disabled by proactive monitoring with automated tools",
                        "IT Rules r.4(1)(d), r.4(4)");
    }

    private static Section synthetic(ReportInputs in) {
        List<String> labelled = new ArrayList<>();
        List<String> collected = new ArrayList<>();
        List<String> declaredSynthetic = new ArrayList<>();
        List<String> verified = new ArrayList<>();
        List<String> contradicted = new ArrayList<>();
        for (ReportSource.ScreenedUpload u : in.uploads()) {
            if (u.upload().decision() == Decision.LABEL) labelled.add(u.ref());
            if (u.upload().declaration().isEmpty()) continue;
            collected.add(u.ref());
            boolean synthetic = u.upload().declaration().get().synthetic();
            if (synthetic) declaredSynthetic.add(u.ref());
            boolean contra = u.media().assessment().reasons().stream()
                    .anyMatch(r -> r.code().equals("declaration.contradicted"));
            if (contra) contradicted.add(u.ref());
            else if (synthetic && u.media().assessment().tier() == Tier.CONFIRMED_SYNTHETIC) verified.add(u.ref());
        }
        List<String> generated = in.generations().stream()
                .filter(g -> g.marks().contains("visible-label"))
                .map(g -> "generation:" + g.id())
                .toList();
        return new Figures()
                .count(
                        "synthetic.labelled_uploads",
                        "Uploads published with a synthetic-content label",
                        labelled,
                        "uploads in the period with decision LABEL")
                .count(
                        "synthetic.labelled_generations",
                        "Generated outputs carrying the visible label",
                        generated,
                        "generation records made in the period whose marks include visible-label")
                .count(
                        "declarations.collected",
                        "Uploader declarations collected",
                        collected,
                        "uploads in the period that carried a declaration (r.4(1A)(a))")
                .count(
                        "declarations.synthetic",
                        "Declared synthetic",
                        declaredSynthetic,
                        "declarations with synthetic=true")
                .count(
                        "declarations.verified",
                        "Synthetic declarations verified by technical evidence",
                        verified,
                        "declared synthetic and the screening confirmed it from provenance evidence (tier CONFIRMED_SYNTHETIC; r.4(1A)(b))")
                .count(
                        "declarations.contradicted",
                        "Declarations contradicted by technical evidence",
                        contradicted,
                        "declared not synthetic while the file carries synthetic-origin evidence (reason declaration.contradicted)")
                .section(
                        "synthetic",
                        "Synthetically generated information: labels and declarations",
                        "IT Rules r.3(3), r.4(1A)");
    }
}

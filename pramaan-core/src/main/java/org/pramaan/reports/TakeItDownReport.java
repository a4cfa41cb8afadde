package org.pramaan.reports;

import java.util.ArrayList;
import java.util.List;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.limits.PlainText;

/**
 * 47 U.S.C. s.223a (TAKE IT DOWN Act): the record of the notice-and-removal process an operator would
 * show the FTC, which enforces it (s.223a(b)): requests received, which were valid and which lacked the
 * elements of s.223a(a)(2)(B), removals within 48 hours of a valid request (s.223a(a)(3)), identical
 * copies swept, and late removals.
 */
final class TakeItDownReport {
    private TakeItDownReport() {}

    static List<Section> build(ReportInputs in) {
        List<CaseFile> received = in.received();
        List<String> valid = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (CaseFile c : received) (incompleteAt(c, in.period()) ? incomplete : valid).add(c.id());
        Section requests = new Figures()
                .count(
                        "requests.received",
                        "Removal requests received",
                        ReportInputs.ids(received),
                        "US cases received in the period")
                .count(
                        "requests.valid",
                        "Valid requests (every element of s.223a(a)(2)(B), at receipt or completed by the period's end)",
                        valid,
                        "received in the period with no required field missing at the period's end")
                .count(
                        "requests.incomplete",
                        "Incomplete requests (elements still missing at the period's end)",
                        incomplete,
                        "received in the period, information_requested and no notice_completed before the period's end")
                .section("requests", "Removal requests", "47 U.S.C. s.223a(a)(1)-(2)");
        List<String> removals = new ArrayList<>();
        long removalCount = 0;
        List<String> swept = new ArrayList<>();
        long sweptCount = 0;
        for (CaseFile c : in.cases()) {
            for (CaseEvent.ActionTaken a : CaseFacts.actionsIn(c, in.period())) {
                if (a.action() != CaseAction.REMOVE) continue;
                removalCount++;
                removals.add(c.id());
            }
            for (CaseEvent.IdenticalCopiesRemoved e :
                    CaseFacts.eventsIn(c, CaseEvent.IdenticalCopiesRemoved.class, in.period())) {
                long n = PlainText.split(e.details().getOrDefault("mediaIds", ""), ',', false).stream()
                        .filter(s -> !s.isBlank())
                        .count();
                sweptCount += n;
                if (n > 0) swept.add(c.id());
            }
        }
        Figures f = new Figures()
                .events(
                        "removals.total",
                        "Removals",
                        removalCount,
                        removals,
                        "action_taken REMOVE in the period on US cases")
                .events(
                        "removals.identical_copies_swept",
                        "Identical copies removed with them (s.223a(a)(3))",
                        sweptCount,
                        swept,
                        "media ids in identical_copies_removed events in the period");
        Timeliness.add(f, "removals.time_to_action.", in.cases(), in.period(), "48 hours from a valid request");
        return List.of(requests, f.section("removals", "Removals and the 48-hour limit", "47 U.S.C. s.223a(a)(3)"));
    }

    /** Whether the request still lacked required elements when the period ended. */
    private static boolean incompleteAt(CaseFile c, ReportPeriod p) {
        boolean requested = false;
        for (CaseEvent e : c.events()) {
            if (!e.at().isBefore(p.to())) break;
            if (e instanceof CaseEvent.InformationRequested) requested = true;
            if (e instanceof CaseEvent.NoticeCompleted) requested = false;
        }
        return requested;
    }
}

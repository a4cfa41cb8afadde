package org.pramaan.reports;

import java.util.List;
import java.util.Set;
import org.pramaan.generation.GenerationRecord;

/**
 * China: the labelling log (AI-generated content Labeling Measures arts.4-5 explicit and implicit labels;
 * art.9 outputs exported without the explicit label at the user's request, kept in the log) and the
 * handling of complaints made through the published channel (Deep Synthesis Provisions art.12).
 */
final class ChinaReport {
    /** The marks that are implicit labels (metadata, watermark, provenance manifest); {@code visible-label} is the explicit one. */
    static final Set<String> IMPLICIT = Set.of("iptc-digital-source-type", "gb45438-aigc", "watermark", "c2pa");

    private ChinaReport() {}

    static List<Section> build(ReportInputs in) {
        List<GenerationRecord> g = in.generations();
        Section labels = new Figures()
                .count("labels.generations", "Outputs generated", refs(g), "generation records made in the period")
                .count(
                        "labels.explicit",
                        "Outputs with the explicit (visible) label",
                        refs(g.stream()
                                .filter(r -> r.marks().contains("visible-label"))
                                .toList()),
                        "marks include visible-label")
                .count(
                        "labels.implicit",
                        "Outputs with an implicit label (metadata, watermark or C2PA)",
                        refs(g.stream()
                                .filter(r -> r.marks().stream().anyMatch(IMPLICIT::contains))
                                .toList()),
                        "marks include one of "
                                + String.join(", ", IMPLICIT.stream().sorted().toList()))
                .count(
                        "labels.unlabelled_exports",
                        "Exported without the explicit label at the user's request (art.9)",
                        refs(g.stream().filter(GenerationRecord::unlabelled).toList()),
                        "unlabelled=true")
                .count(
                        "labels.unlabelled_duty_agreed",
                        "Of those, with the user's labelling duty agreed",
                        refs(g.stream()
                                .filter(r -> r.unlabelled() && r.dutyAgreed())
                                .toList()),
                        "unlabelled=true and dutyAgreed=true")
                .section("labels", "Labelling log", "AI-generated content Labeling Measures arts.4, 5, 9");
        Figures f = new Figures()
                .count(
                        "complaints.received",
                        "Complaints received",
                        ReportInputs.ids(in.received()),
                        "CN cases received in the period");
        Timeliness.add(
                f, "complaints.", in.cases(), in.period(), "the time limit the provider publishes (pack: 7 days)");
        return List.of(
                labels, f.section("complaints", "Complaints and their handling", "Deep Synthesis Provisions art.12"));
    }

    private static List<String> refs(List<GenerationRecord> g) {
        return g.stream().map(r -> "generation:" + r.id()).toList();
    }
}

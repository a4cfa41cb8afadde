package org.pramaan.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.RulePack;
import org.pramaan.intake.MediaRecord;
import org.pramaan.notify.Delivery;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalType;

/** What the case view shows; every string is escaped by the template engine when rendered. */
public record CasePage(
        CaseFile c,
        QueueRow clock,
        List<Field> notice,
        Optional<MediaRecord> media,
        boolean sensitive,
        List<SignalRow> signals,
        List<SignalRow> c2pa,
        List<HashMatchView> hashMatches,
        Optional<VideoTimeline> videoTimeline,
        List<EventRow> timeline,
        boolean appealOpen,
        List<Delivery> deliveries,
        List<String> actions,
        People people) {

    /** Who the case can be assigned to, and the senior reviewers it can be escalated to. */
    public record People(List<org.pramaan.access.Person> assignable, List<org.pramaan.access.Person> seniors) {}

    public record Field(String name, String value) {}

    public record SignalRow(String type, String value, String strength, String location, String attributes) {
        static SignalRow of(Signal s) {
            return new SignalRow(s.type().name(), s.value(), s.strength().name(), s.location(), joined(s.attributes()));
        }
    }

    public record EventRow(String type, Instant at, String details) {}

    /**
     * Keywords of notice types about intimate imagery (the pack's Transparency Database class) and notice categories of
     * child sexual abuse material: their content is blurred, greyscale and muted until a reviewer reveals an item, so a
     * reviewer is not exposed to it by opening the case (the protective default, as in ROOST Coop).
     */
    static final String NCII_KEYWORD = "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE";

    static CasePage of(
            CaseFile c,
            Optional<MediaRecord> media,
            List<RulePack.NoticeType> types,
            List<Delivery> deliveries,
            Instant now,
            People people,
            boolean blurByDefault) {
        List<Field> fields = new ArrayList<>();
        new TreeMap<>(c.notice()).forEach((k, v) -> fields.add(new Field(k, v)));
        List<SignalRow> all = new ArrayList<>();
        List<SignalRow> c2pa = new ArrayList<>();
        List<HashMatchView> hashes = new ArrayList<>();
        media.ifPresent(m -> {
            Optional<Integer> quality = m.pdq().map(p -> p.quality());
            for (Signal s : m.signals()) {
                SignalRow r = SignalRow.of(s);
                all.add(r);
                if (s.type() == SignalType.C2PA_MANIFEST) c2pa.add(r);
                if (s.type() == SignalType.HASH_BANK_MATCH) hashes.add(HashMatchView.of(s, quality));
            }
        });
        List<EventRow> timeline = new ArrayList<>();
        boolean appealOpen = false;
        for (CaseEvent e : c.events()) {
            timeline.add(new EventRow(e.wireName(), e.at(), joined(e.details())));
            if (e instanceof CaseEvent.AppealReceived) appealOpen = true;
            if (e instanceof CaseEvent.AppealDecided) appealOpen = false;
        }
        List<String> actions = new ArrayList<>();
        if (c.state() == CaseState.OPEN)
            for (CaseAction a : CaseAction.values()) if (a != CaseAction.RESTORE) actions.add(a.name());
        return new CasePage(
                c,
                QueueRow.of(c, now),
                fields,
                media,
                // Shielded by default for intimate-imagery and CSAM notices unless the person turned that off.
                blurByDefault && sensitive(c, types),
                all,
                c2pa,
                hashes,
                timeline(media, hashes),
                timeline,
                appealOpen,
                deliveries,
                actions,
                people);
    }

    /** The matched vPDQ segments on the video's length; none for other media or a video whose header gave no length. */
    static Optional<VideoTimeline> timeline(Optional<MediaRecord> media, List<HashMatchView> matches) {
        List<VideoTimeline.Segment> segments = new ArrayList<>();
        for (HashMatchView h : matches) segments.addAll(h.segments());
        if (segments.isEmpty()) return Optional.empty();
        return media.flatMap(m -> m.info().duration())
                .filter(d -> d.toMillis() > 0)
                .map(d -> VideoTimeline.of(d.toMillis() / 1000.0, segments));
    }

    static boolean sensitive(CaseFile c, List<RulePack.NoticeType> types) {
        String category = c.notice().getOrDefault("category", "").toLowerCase(Locale.ROOT);
        if (category.equals("csam") || category.equals("ncii") || category.equals("intimate")) return true;
        return types.stream()
                .filter(t -> t.id().equals(c.noticeType()))
                .anyMatch(t -> NCII_KEYWORD.equals(t.statementClass().syntheticMediaKeyword()));
    }

    /** {@code image}, {@code video} or {@code audio}: which element plays the content. */
    public String mediaKind() {
        return media.map(m -> m.info().kind().name().toLowerCase(Locale.ROOT)).orElse("none");
    }

    /** The person the case is assigned to, or empty. */
    public String assignee() {
        return c.assignee().orElse("");
    }

    /** The senior reviewer the case was escalated to, or empty. */
    public String escalatedTo() {
        return c.escalatedTo().orElse("");
    }

    public boolean open() {
        return c.state() == CaseState.OPEN;
    }

    private static String joined(Map<String, String> m) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(m).forEach((k, v) -> {
            if (b.length() > 0) b.append("; ");
            b.append(k).append('=').append(v);
        });
        return b.toString();
    }
}

package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseRepository;
import org.pramaan.decision.Decision;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.generation.GenerationRepository;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.UploadRecord;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.reports.ReportSource;

/**
 * Contract for {@link ReportSource} adapters: each method answers exactly for {@code [from, to)}, at
 * the instant (sub-millisecond too), whatever coarser column a store narrows with.
 */
public abstract class ReportSourceContract {
    @TempDir
    protected Path dir;

    /** The write ports the samples go in through, and the report source over the same store. */
    public record Stores(
            CaseRepository cases,
            MediaRepository media,
            GenerationRepository generations,
            DeliveryRepository deliveries,
            ReportSource reports) {}

    protected abstract Stores createStores(Path dir);

    static final Instant FROM = Instant.parse("2026-10-31T18:30:00Z"); // 1 Nov 2026 00:00 IST
    static final Instant TO = Instant.parse("2026-11-30T18:30:00Z"); // 1 Dec 2026 00:00 IST

    @Test
    void casesReceivedBeforeThePeriodEndsThatAreInItOpenOrActedOnLaterByIdAndNoOthers() {
        Stores s = createStores(dir);
        CaseFile settledBefore = Samples.openCase("A-SETTLED-BEFORE", FROM.minusSeconds(7200), Duration.ofHours(2));
        s.cases().save(Samples.closed(settledBefore, FROM.minusNanos(1000)));
        s.cases().save(Samples.openCase("C-OPEN-BEFORE", FROM.minusNanos(1000), Duration.ofHours(2)));
        CaseFile actedAfter = Samples.openCase("D-ACTED-AFTER", FROM.minusSeconds(60), Duration.ofHours(2));
        s.cases()
                .save(Samples.closed(
                        withEvent(actedAfter, new CaseEvent.ActionTaken(TO.plusSeconds(5), Map.of("action", "REMOVE"))),
                        TO.plusSeconds(5)));
        s.cases().save(Samples.openCase("C-AT-FROM", FROM, Duration.ofHours(2)));
        s.cases().save(Samples.openCase("C-LAST", TO.minusNanos(1000), Duration.ofHours(2)));
        s.cases().save(Samples.openCase("C-AT-TO", TO, Duration.ofHours(2)));
        CaseFile old = Samples.openCase("B-OLD-ACTED", FROM.minus(Duration.ofDays(3)), Duration.ofHours(2));
        s.cases()
                .save(Samples.closed(
                        withEvent(old, new CaseEvent.ActionTaken(FROM.plusSeconds(60), Map.of("action", "REMOVE"))),
                        FROM.plusSeconds(60)));
        List<String> ids =
                s.reports().cases(FROM, TO).stream().map(CaseFile::id).toList();
        assertThat(ids).containsExactly("B-OLD-ACTED", "C-AT-FROM", "C-LAST", "C-OPEN-BEFORE", "D-ACTED-AFTER");
    }

    @Test
    void uploadsAreCutAtTheExactInstantAndCarryTheirMedia() {
        Stores s = createStores(dir);
        String media = "d".repeat(64);
        s.media().save(Samples.media(media));
        UploadRecord early = s.media().addUpload(upload(media, FROM.minusNanos(1000)));
        UploadRecord first = s.media().addUpload(upload(media, FROM));
        UploadRecord last = s.media().addUpload(upload(media, TO.minusNanos(1000)));
        UploadRecord late = s.media().addUpload(upload(media, TO));
        List<ReportSource.ScreenedUpload> got = s.reports().uploads(FROM, TO);
        assertThat(got).extracting(u -> u.upload().id()).containsExactly(first.id(), last.id());
        assertThat(got).extracting(u -> u.media().id()).containsOnly(media);
        assertThat(got.get(1).upload().at()).isEqualTo(TO.minusNanos(1000));
        assertThat(List.of(early.id(), late.id()))
                .doesNotContainAnyElementsOf(
                        got.stream().map(u -> u.upload().id()).toList());
        assertThat(got.get(0).ref()).isEqualTo("upload:" + first.id());
    }

    @Test
    void generationsMadeInThePeriodOldestFirst() {
        Stores s = createStores(dir);
        s.generations().save(generation("g-before", FROM.minusNanos(1000)));
        s.generations().save(generation("g-2", FROM.plusSeconds(10)));
        s.generations().save(generation("g-1", FROM));
        s.generations().save(generation("g-last", TO.minusNanos(1000)));
        s.generations().save(generation("g-at-to", TO));
        assertThat(s.reports().generations(FROM, TO))
                .extracting(GenerationRecord::id)
                .containsExactly("g-1", "g-2", "g-last");
    }

    @Test
    void onlyTransparencyDatabaseSubmissionsEnqueuedInThePeriod() {
        Stores s = createStores(dir);
        s.deliveries().enqueue(delivery("C1/2", Channel.TRANSPARENCY_DB, FROM.plusSeconds(5)));
        s.deliveries().enqueue(delivery("C1/3", Channel.WEBHOOK, FROM.plusSeconds(6)));
        s.deliveries().enqueue(delivery("C0/2", Channel.TRANSPARENCY_DB, FROM.minusSeconds(1)));
        s.deliveries().enqueue(delivery("C2/2", Channel.TRANSPARENCY_DB, TO.minusNanos(1000)));
        s.deliveries().enqueue(delivery("C3/2", Channel.TRANSPARENCY_DB, TO));
        assertThat(s.reports().statementSubmissions(FROM, TO))
                .extracting(Delivery::eventId)
                .containsExactly("C1/2", "C2/2");
    }

    @Test
    void anEmptyStoreAnswersEmpty() {
        Stores s = createStores(dir);
        assertThat(s.reports().cases(FROM, TO)).isEmpty();
        assertThat(s.reports().uploads(FROM, TO)).isEmpty();
        assertThat(s.reports().generations(FROM, TO)).isEmpty();
        assertThat(s.reports().statementSubmissions(FROM, TO)).isEmpty();
    }

    private static UploadRecord upload(String media, Instant at) {
        return new UploadRecord(0, media, at, Optional.of("u1"), Optional.empty(), Optional.empty(), Decision.LABEL);
    }

    private static GenerationRecord generation(String id, Instant at) {
        GenerationRecord r = GenerationRepositoryContract.record(id);
        return new GenerationRecord(
                r.id(),
                r.modelId(),
                r.modelVersion(),
                r.promptSha256(),
                r.prompt(),
                r.userId(),
                r.realNameVerified(),
                r.realNameMethod(),
                r.consentIds(),
                r.format(),
                r.sha256(),
                r.pdq(),
                r.bankedHashes(),
                r.marks(),
                r.profile(),
                r.unlabelled(),
                r.dutyAgreed(),
                r.filingNumber(),
                r.c2paManifest(),
                r.recordedBy(),
                at,
                at.plus(Duration.ofDays(184)));
    }

    private static Delivery delivery(String eventId, Channel channel, Instant at) {
        String caseId = eventId.substring(0, eventId.indexOf('/'));
        return Delivery.pending(eventId, "db", channel, "https://example.org/in", caseId, "sor", "", "{}", at);
    }

    private static CaseFile withEvent(CaseFile c, CaseEvent e) {
        List<CaseEvent> events = new java.util.ArrayList<>(c.events());
        events.add(e);
        return new CaseFile(
                c.id(),
                c.noticeType(),
                c.jurisdiction(),
                c.article(),
                c.mediaId(),
                c.receivedAt(),
                c.notice(),
                c.clocks(),
                c.state(),
                c.outcome(),
                events,
                c.missingFields(),
                c.legalReview(),
                c.awaitingInformation());
    }
}

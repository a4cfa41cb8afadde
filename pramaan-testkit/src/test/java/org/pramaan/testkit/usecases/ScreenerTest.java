package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.assessment.Assessor;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankMatch;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.hash.PdqHasher;
import org.pramaan.intake.Screener;
import org.pramaan.intake.ScreeningReport;
import org.pramaan.intake.UploadContext;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.StandardStillImageDecoder;
import org.pramaan.signals.AvHasher;
import org.pramaan.signals.BankMatchExtractor;
import org.pramaan.signals.ContentDigestExtractor;
import org.pramaan.signals.DeclarationExtractor;
import org.pramaan.signals.PdqExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalExtractor;
import org.pramaan.signals.SignalExtractors;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;
import org.pramaan.signals.UploaderDeclaration;

/** {@link Screener} runs one extractor list; the bank extractor matches what the hashing extractors before it computed. */
class ScreenerTest {
    @TempDir
    Path dir;

    private UseCaseFixture f;
    private final PdqExtractor pdq = new PdqExtractor(new PdqHasher(), new StandardStillImageDecoder());
    /** Stands in for the metadata and watermark extractors, which sit between the hashes and the declaration. */
    private final SignalExtractor provenance =
            in -> List.of(new Signal(SignalType.EXIF_SOFTWARE, "an editor", SignalStrength.INFO, "test"));

    private Path photo;
    private ScreeningReport unbanked;
    private BankItem bySha;
    private BankItem byPdq;

    @BeforeEach
    void bankThePhoto() throws Exception {
        f = new UseCaseFixture(dir);
        photo = f.photo(5);
        unbanked = screen(standard(), UploadContext.none());
        f.banks.create(Bank.of("removed", BankKind.REMOVED, f.clock.instant()));
        f.banks.create(Bank.of("feed", BankKind.PARTNER_FEED, f.clock.instant()));
        bySha = f.banks.add(new BankItem(
                0,
                "removed",
                Optional.of(unbanked.sha256()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "test",
                "",
                "t",
                f.clock.instant(),
                Optional.empty()));
        byPdq = f.banks.add(new BankItem(
                0,
                "feed",
                Optional.empty(),
                unbanked.pdq(),
                Optional.empty(),
                Optional.empty(),
                "test",
                "",
                "t",
                f.clock.instant(),
                Optional.empty()));
    }

    private Screener standard() {
        return screener(SignalExtractors.standard(pdq, AvHasher.none(), List.of(provenance), f.banks));
    }

    private Screener screener(List<SignalExtractor> extractors) {
        return new Screener(
                MediaProber.standard(),
                MediaLimits.defaults(),
                extractors,
                new Assessor(),
                JurisdictionPolicy.load("IN"),
                f.banks,
                pdq,
                AvHasher.none());
    }

    private ScreeningReport screen(Screener s, UploadContext ctx) throws Exception {
        try (MediaSource src = MediaSource.open(photo)) {
            return s.screen(src, ctx);
        }
    }

    @Test
    void theStandardListGivesSignalsInTheReportOrderAndTheReportItsHashesAndMatches() throws Exception {
        assertThat(SignalExtractors.standard(pdq, AvHasher.none(), List.of(provenance), f.banks))
                .extracting(e -> (Object) e.getClass())
                .containsExactly(
                        ContentDigestExtractor.class,
                        PdqExtractor.class,
                        AvHasher.class,
                        provenance.getClass(),
                        DeclarationExtractor.class,
                        BankMatchExtractor.class);
        ScreeningReport r = screen(
                standard(),
                new UploadContext(
                        Optional.of("u-1"), Optional.empty(), Optional.of(new UploaderDeclaration(true, ""))));

        // SHA256, MD5, PDQ, provenance…, declaration, bank matches: the JSON's order, which assessment reasons cite by
        // index.
        assertThat(r.signals())
                .extracting(Signal::type)
                .containsExactly(
                        SignalType.SHA256,
                        SignalType.MD5,
                        SignalType.PDQ,
                        SignalType.EXIF_SOFTWARE,
                        SignalType.UPLOADER_DECLARATION,
                        SignalType.HASH_BANK_MATCH,
                        SignalType.HASH_BANK_MATCH);
        assertThat(r.signals().get(0).value()).isEqualTo(r.sha256());
        assertThat(r.signals().get(1).value()).isEqualTo(r.md5());
        assertThat(r.pdq()).isEqualTo(unbanked.pdq()).isPresent();
        assertThat(r.signals().get(2).value()).isEqualTo(r.pdq().get().hash().toHex());
        assertThat(r.matches())
                .extracting(BankMatch::itemId, BankMatch::method)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(bySha.id(), "sha256"),
                        org.assertj.core.groups.Tuple.tuple(byPdq.id(), "pdq"));
        assertThat(r.signals().subList(5, 7))
                .extracting(Signal::value)
                .as("one signal per match, in the matches' order")
                .containsExactlyElementsOf(r.matches().stream()
                        .map(m -> m.bank() + "#" + m.itemId())
                        .toList());
        assertThat(unbanked.matches()).isEmpty();
    }

    @Test
    void aListWithoutPdqGivesNoPdqSignalAndTheBankExtractorMatchesTheDigestOnly() throws Exception {
        ScreeningReport r = screen(
                screener(List.of(new ContentDigestExtractor(), new BankMatchExtractor(f.banks))), UploadContext.none());
        assertThat(r.signals())
                .extracting(Signal::type)
                .containsExactly(SignalType.SHA256, SignalType.MD5, SignalType.HASH_BANK_MATCH);
        assertThat(r.pdq()).isEmpty();
        assertThat(r.matches())
                .singleElement()
                .satisfies(m -> assertThat(m.itemId()).isEqualTo(bySha.id()));
    }

    @Test
    void theBankExtractorSeesOnlyWhatRanBeforeIt() throws Exception {
        ScreeningReport r = screen(
                screener(List.of(new ContentDigestExtractor(), new BankMatchExtractor(f.banks), pdq)),
                UploadContext.none());
        assertThat(r.pdq()).as("PDQ was computed, after the matching").isPresent();
        assertThat(r.signals())
                .extracting(Signal::type)
                .containsExactly(SignalType.SHA256, SignalType.MD5, SignalType.HASH_BANK_MATCH, SignalType.PDQ);
        assertThat(r.matches()).extracting(BankMatch::method).containsExactly("sha256");
    }

    @Test
    void aListThatComputesNoDigestsIsRefusedWhenWired() {
        assertThatThrownBy(() -> screener(List.of(pdq, new BankMatchExtractor(f.banks))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ContentDigestExtractor");
    }
}

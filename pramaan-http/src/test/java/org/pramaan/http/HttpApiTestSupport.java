package org.pramaan.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.pramaan.access.ApiKeys;
import org.pramaan.assessment.Assessor;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankCuration;
import org.pramaan.banks.BankFiles;
import org.pramaan.banks.HashBanks;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.EvidenceBundles;
import org.pramaan.cases.Retention;
import org.pramaan.cases.RulePack;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.events.EventBus;
import org.pramaan.hash.PdqHasher;
import org.pramaan.intake.Intake;
import org.pramaan.intake.Screener;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.image.StandardStillImageDecoder;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.notify.Dispatcher;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.TrustSettings;
import org.pramaan.signals.AvHasher;
import org.pramaan.signals.PdqExtractor;
import org.pramaan.signals.SignalExtractors;
import org.pramaan.store.sqlite.EmbeddedStore;
import org.pramaan.tx.UnitOfWork;

final class HttpApiTestSupport {
    private HttpApiTestSupport() {}

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** What the API runs on over one embedded store, and the key service to create test keys with. */
    record Wired(ApiServices services, ApiKeys keys) {}

    /**
     * The composition the app makes, built by hand over {@code store} (the http module cannot see the
     * app): IN rules, no AV decoders, no provenance extractors, no signing key.
     */
    static Wired wire(EmbeddedStore store, Clock clock, DeliveryRepository deliveries, Path uploadDir) {
        UnitOfWork unit = store.database().unitOfWork();
        AuditLog audit = new AuditLog(store.audit(), clock, unit);
        HashBanks banks = new HashBanks(store.banks(), clock, unit);
        PdqExtractor pdq = new PdqExtractor(new PdqHasher(), new StandardStillImageDecoder());
        Screener screener = new Screener(
                MediaProber.standard(),
                MediaLimits.defaults(),
                SignalExtractors.standard(pdq, AvHasher.none(), List.of(), banks),
                new Assessor(),
                JurisdictionPolicy.load("IN"),
                banks,
                pdq,
                AvHasher.none());
        EventBus events = new EventBus();
        CaseService cases = new CaseService(
                CaseService.Dependencies.of(
                        List.of(RulePack.load("IN")), store.cases(), store.media(), banks, audit, clock, unit),
                events);
        ApiKeys keys = new ApiKeys(store.apiKeys(), audit, clock);
        ApiServices services = ApiServices.of(
                screener,
                new Intake(screener, store.media(), store.blobs(), audit, clock, events),
                store.media(),
                cases,
                new Retention(store.holds(), store.media(), store.blobs(), audit, clock),
                new EvidenceBundles(cases, store.media(), store.blobs(), audit, clock),
                new BankCuration(banks, audit, clock),
                audit,
                keys,
                MediaLimits.defaults(),
                uploadDir,
                clock,
                deliveries,
                new Dispatcher(deliveries, List.of(), audit, clock),
                Optional.empty(),
                new C2paReader(TrustSettings.none(clock)),
                Optional.empty(),
                BankFiles.Limits.DEFAULT,
                ConsoleRoutes.Services.of(
                        cases, store.apiKeys(), store.people(), store.media(), audit, 0.1, new byte[] {1}, clock),
                GenerationRoutes.Services.of(
                        store.generations(),
                        banks,
                        audit,
                        deliveries,
                        Optional.empty(),
                        clock,
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        new org.pramaan.generation.Generations.Settings(
                                false,
                                org.pramaan.generation.Generations.MIN_RETENTION,
                                Optional.empty(),
                                java.util.Set.of("CN"),
                                "Pramaan"),
                        AvHasher.none(),
                        MediaLimits.defaults(),
                        uploadDir));
        return new Wired(services, keys);
    }
}

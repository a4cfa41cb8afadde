package org.pramaan.http;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.ApiKeys;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankCuration;
import org.pramaan.banks.BankFiles;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.EvidenceBundles;
import org.pramaan.cases.Retention;
import org.pramaan.intake.Intake;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.Screener;
import org.pramaan.media.MediaLimits;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.notify.Dispatcher;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.C2paSigner;

/**
 * What the API needs from the composition root, one record per route group: each group's routes see
 * only their own {@code Services}, so what a route can reach is visible in its constructor.
 */
public record ApiServices(
        Edge edge,
        MediaRoutes.Services media,
        CaseRoutes.Services cases,
        HoldRoutes.Services holds,
        HashRoutes.Services hashes,
        HmaRoutes.Services hma,
        BankRoutes.Services banks,
        DeliveryRoutes.Services deliveries,
        ProvenanceRoutes.Services provenance,
        ConsoleRoutes.Services console,
        GenerationRoutes.Services generations,
        DetectorRoutes.Services detectors,
        Optional<org.pramaan.reports.Reports> reports,
        ScanRoutes.Services scans) {
    public ApiServices {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(holds, "holds");
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(hma, "hma");
        Objects.requireNonNull(banks, "banks");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(generations, "generations");
        Objects.requireNonNull(detectors, "detectors");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(scans, "scans");
    }

    /**
     * Without detector models (issue 16) {@code GET /v1/detectors} lists none; without reports or back-scans (issue
     * 17) their routes answer 503.
     */
    public ApiServices(
            Edge edge,
            MediaRoutes.Services media,
            CaseRoutes.Services cases,
            HoldRoutes.Services holds,
            HashRoutes.Services hashes,
            HmaRoutes.Services hma,
            BankRoutes.Services banks,
            DeliveryRoutes.Services deliveries,
            ProvenanceRoutes.Services provenance,
            ConsoleRoutes.Services console,
            GenerationRoutes.Services generations) {
        this(
                edge,
                media,
                cases,
                holds,
                hashes,
                hma,
                banks,
                deliveries,
                provenance,
                console,
                generations,
                DetectorRoutes.Services.none(),
                Optional.empty(),
                ScanRoutes.Services.unavailable());
    }

    /** The same services with the deployment's detector models. */
    public ApiServices withDetectors(DetectorRoutes.Services d) {
        return new ApiServices(
                edge,
                media,
                cases,
                holds,
                hashes,
                hma,
                banks,
                deliveries,
                provenance,
                console,
                generations,
                d,
                reports,
                scans);
    }

    /** The same services with the deployment's reports (issue 17). */
    public ApiServices withReports(org.pramaan.reports.Reports r) {
        return new ApiServices(
                edge,
                media,
                cases,
                holds,
                hashes,
                hma,
                banks,
                deliveries,
                provenance,
                console,
                generations,
                detectors,
                Optional.of(r),
                scans);
    }

    /** The same groups with back-scans wired (issue 17 part 2); without them their routes answer 503. */
    public ApiServices withScans(ScanRoutes.Services s) {
        return new ApiServices(
                edge,
                media,
                cases,
                holds,
                hashes,
                hma,
                banks,
                deliveries,
                provenance,
                console,
                generations,
                detectors,
                reports,
                s);
    }

    /**
     * What the edge itself uses on every request, outside any route group: key authentication, the
     * audit chain check ({@code GET /v1/audit/verify}), multipart and idempotency spooling, and the
     * rate limiter's clock.
     *
     * @param uploadDir where request bodies are spooled before screening (same file system as the blob store)
     */
    public record Edge(ApiKeys keys, AuditLog audit, MediaLimits limits, Path uploadDir, Clock clock)
            implements Uploads.Spool {
        public Edge {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(uploadDir, "uploadDir");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /**
     * Every group from one deployment's collaborators, for wiring a whole API at once (tests); the
     * composition root builds the groups itself.
     *
     * @param signer      C2PA signer with the configured key ({@code POST /v1/provenance/sign}); empty: that route answers 503
     * @param bankImports size limits of one bank import ({@code banks.max-import-bytes}, {@code banks.max-import-items})
     */
    public static ApiServices of(
            Screener screener,
            Intake intake,
            MediaRepository media,
            CaseService cases,
            Retention retention,
            EvidenceBundles bundles,
            BankCuration banks,
            AuditLog audit,
            ApiKeys keys,
            MediaLimits limits,
            Path uploadDir,
            Clock clock,
            DeliveryRepository deliveries,
            Dispatcher dispatcher,
            Optional<com.google.re2j.Pattern> contentUrlPattern,
            C2paReader c2pa,
            Optional<C2paSigner> signer,
            BankFiles.Limits bankImports,
            ConsoleRoutes.Services console,
            GenerationRoutes.Services generations) {
        return new ApiServices(
                new Edge(keys, audit, limits, uploadDir, clock),
                new MediaRoutes.Services(intake, media, limits, uploadDir),
                new CaseRoutes.Services(
                        cases, bundles, media, screener, contentUrlPattern, audit, limits, uploadDir, clock),
                new HoldRoutes.Services(retention, media, audit, clock),
                new HashRoutes.Services(screener, limits, uploadDir),
                new HmaRoutes.Services(screener, banks, audit, limits, uploadDir, clock),
                new BankRoutes.Services(banks, bankImports, audit, uploadDir, clock),
                new DeliveryRoutes.Services(deliveries, dispatcher),
                new ProvenanceRoutes.Services(c2pa, signer, audit, limits, uploadDir),
                console,
                generations);
    }
}

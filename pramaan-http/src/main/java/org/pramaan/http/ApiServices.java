package org.pramaan.http;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.pramaan.access.ApiKeys;
import org.pramaan.audit.AuditLog;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.EvidenceBundles;
import org.pramaan.cases.Retention;
import org.pramaan.media.MediaLimits;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.banks.BankCuration;
import org.pramaan.intake.Intake;
import org.pramaan.intake.Screener;
import org.pramaan.intake.MediaRepository;

/**
 * What the API needs from the composition root.
 *
 * @param uploadDir where request bodies are spooled before screening (same file system as the blob store)
 * @param contentUrlPattern takes the platform's content id out of a URL named in a notice (group {@code id})
 * @param c2pa      C2PA reader with the configured trust anchors ({@code POST /v1/provenance/verify})
 * @param signer    C2PA signer with the configured key ({@code POST /v1/provenance/sign}); empty when not configured
 * @param bankImports size limits of one bank import ({@code POST /v1/banks/{name}/items}; {@code banks.max-import-bytes}, {@code banks.max-import-items})
 */
public record ApiServices(Screener screener, Intake intake, MediaRepository media, CaseService cases, Retention retention, EvidenceBundles bundles, BankCuration banks, AuditLog audit, ApiKeys keys,
                          MediaLimits limits, Path uploadDir, Clock clock, org.pramaan.notify.DeliveryRepository deliveries,
                          org.pramaan.notify.Dispatcher dispatcher, java.util.Optional<com.google.re2j.Pattern> contentUrlPattern,
                          C2paReader c2pa, java.util.Optional<org.pramaan.provenance.c2pa.C2paSigner> signer,
                          org.pramaan.banks.BankFiles.Limits bankImports) {
    /** With the default bank import limits. */
    public ApiServices(Screener screener, Intake intake, MediaRepository media, CaseService cases, Retention retention, EvidenceBundles bundles, BankCuration banks, AuditLog audit,
                       ApiKeys keys, MediaLimits limits, Path uploadDir, Clock clock, org.pramaan.notify.DeliveryRepository deliveries, org.pramaan.notify.Dispatcher dispatcher,
                       java.util.Optional<com.google.re2j.Pattern> contentUrlPattern, C2paReader c2pa, java.util.Optional<org.pramaan.provenance.c2pa.C2paSigner> signer) {
        this(screener, intake, media, cases, retention, bundles, banks, audit, keys, limits, uploadDir, clock, deliveries, dispatcher, contentUrlPattern, c2pa, signer,
                org.pramaan.banks.BankFiles.Limits.DEFAULT);
    }

    /** Without a signing key: {@code POST /v1/provenance/sign} answers 503. */
    public ApiServices(Screener screener, Intake intake, MediaRepository media, CaseService cases, Retention retention, EvidenceBundles bundles, BankCuration banks, AuditLog audit,
                       ApiKeys keys, MediaLimits limits, Path uploadDir, Clock clock, org.pramaan.notify.DeliveryRepository deliveries, org.pramaan.notify.Dispatcher dispatcher,
                       java.util.Optional<com.google.re2j.Pattern> contentUrlPattern, C2paReader c2pa) {
        this(screener, intake, media, cases, retention, bundles, banks, audit, keys, limits, uploadDir, clock, deliveries, dispatcher, contentUrlPattern, c2pa, java.util.Optional.empty());
    }

    public ApiServices {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(bankImports, "bankImports");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(contentUrlPattern, "contentUrlPattern");
        Objects.requireNonNull(screener, "screener");
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(banks, "banks");
        Objects.requireNonNull(bundles, "bundles");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(uploadDir, "uploadDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(c2pa, "c2pa");
    }
}

package org.pramaan.adapters;

import java.util.List;
import java.util.Optional;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.audit.AuditStore;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.cases.AccountRepository;
import org.pramaan.cases.CaseRepository;
import org.pramaan.cases.HoldRepository;
import org.pramaan.idempotency.IdempotencyStore;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRepository;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.tx.UnitOfWork;

/**
 * What one deployment provides to the use cases: every storage port, the unit of work those ports
 * commit in together, and the media decoders. The composition root opens one through
 * {@link AdapterRegistry} and wires the use cases from it alone, so swapping the embedded store for
 * a scaled one changes which provider is chosen, not the wiring.
 *
 * <p>Every repository returned by one {@code Adapters} joins {@link #unitOfWork()}: writes made
 * inside one {@code run} commit together or not at all (the port contracts in the testkit).
 */
public interface Adapters extends AutoCloseable {
    MediaRepository media();

    BlobStore blobs();

    CaseRepository cases();

    HoldRepository holds();

    AccountRepository accounts();

    DeliveryRepository deliveries();

    AuditStore audit();

    HashBankRepository banks();

    ApiKeyRepository apiKeys();

    /** Console accounts and people's preferences. */
    org.pramaan.access.PersonRepository people();

    /** Generation records, the consent registry and rule reminders (issue 14). */
    org.pramaan.generation.GenerationRepository generations();

    IdempotencyStore idempotency();

    /** What reports read by period (issue 17). */
    org.pramaan.reports.ReportSource reports();

    /** Back-scan jobs and their results (issue 17 part 2). */
    org.pramaan.backscan.ScanJobRepository scans();

    /** The protected-persons (likeness) registry: consent records and face embeddings (issue 16). */
    org.pramaan.likeness.ProtectedPersons likeness();

    /** The nodes sharing this store (issue 15): node identity, heartbeats, who is live. */
    org.pramaan.nodes.NodeRegistry nodes();

    /** Reviewers' findings on model scores, the next calibration's labels (issue 16). */
    org.pramaan.detect.ReviewLabels reviewLabels();

    /** The bank changes' outbox, where several nodes share the store and follow each other's banks (issue 15). */
    default java.util.Optional<org.pramaan.banks.BankChangeLog> bankChanges() {
        return java.util.Optional.empty();
    }

    /** The audit log as an outbox of committed events, where several nodes share the store (issue 15). */
    default java.util.Optional<org.pramaan.audit.AuditFeed> auditFeed() {
        return java.util.Optional.empty();
    }

    /** The unit of work every repository above commits in. */
    UnitOfWork unitOfWork();

    /** Video and audio decoding for vPDQ and audio fingerprints (absent: those signals are skipped). */
    Decoders decoders();

    /**
     * Append-only guards the store found missing or altered and restored when it opened (e.g. the
     * SQLite triggers that refuse UPDATE/DELETE on the audit log); the composition root records them
     * in the audit log. Empty for stores whose append-only rule cannot be tampered with this way.
     */
    List<String> restoredGuards();

    /**
     * A cheap round trip to the store for {@code GET /readyz}: empty when it answers, else what
     * went wrong. May throw; the readiness check reports the exception as the problem.
     */
    Optional<String> probe();

    /** Releases the store (and any lock on it); the ports must not be used afterwards. */
    @Override
    void close();
}

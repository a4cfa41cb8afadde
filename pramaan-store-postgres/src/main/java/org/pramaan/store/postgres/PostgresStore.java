package org.pramaan.store.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.access.PersonRepository;
import org.pramaan.adapters.Adapters;
import org.pramaan.adapters.Decoders;
import org.pramaan.audit.AuditStore;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.cases.AccountRepository;
import org.pramaan.cases.CaseRepository;
import org.pramaan.cases.HoldRepository;
import org.pramaan.generation.GenerationRepository;
import org.pramaan.idempotency.IdempotencyStore;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRepository;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.store.sqlite.LocalBlobStore;
import org.pramaan.tx.UnitOfWork;

/**
 * {@code store=postgres}: every repository on one shared PostgreSQL database, blobs in {@code <dataDir>/blobs}
 * until the S3 blob adapter takes them. Several nodes may open the same database at once: there is no data-directory
 * lock, and the schema is migrated once under an advisory lock.
 */
public final class PostgresStore implements Adapters {
    private final PostgresDatabase db;
    private final BlobStore blobs;
    private final Decoders decoders;
    private final List<String> restoredGuards;

    private PostgresStore(PostgresDatabase db, BlobStore blobs, Decoders decoders, List<String> restoredGuards) {
        this.db = db;
        this.blobs = blobs;
        this.decoders = decoders;
        this.restoredGuards = restoredGuards;
    }

    /**
     * Connects, migrates, checks the audit guards and opens the blob folder.
     *
     * @throws PostgresUnavailableException when the server is unreachable, refuses the user or lacks the database
     */
    public static PostgresStore open(PostgresSettings settings, Path dataDir, Decoders decoders) throws IOException {
        Objects.requireNonNull(decoders, "decoders");
        PostgresDatabase db = PostgresDatabase.open(settings);
        try {
            List<String> restored = List.copyOf(db.write(PostgresGuards::restore));
            return new PostgresStore(db, new LocalBlobStore(dataDir.resolve("blobs")), decoders, restored);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public PostgresDatabase database() {
        return db;
    }

    /** The schema version recorded in the database. */
    public int schemaVersion() {
        return Migrations.version(db);
    }

    @Override
    public org.pramaan.reports.ReportSource reports() {
        return new PgReportSource(db);
    }

    @Override
    public MediaRepository media() {
        return new PgMediaRepository(db);
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public CaseRepository cases() {
        return new PgCaseRepository(db);
    }

    @Override
    public HoldRepository holds() {
        return new PgHoldRepository(db);
    }

    @Override
    public AccountRepository accounts() {
        return new PgAccountRepository(db);
    }

    @Override
    public DeliveryRepository deliveries() {
        return new PgDeliveryRepository(db);
    }

    @Override
    public AuditStore audit() {
        return new PgAuditStore(db);
    }

    @Override
    public HashBankRepository banks() {
        return new PgHashBankRepository(db);
    }

    @Override
    public ApiKeyRepository apiKeys() {
        return new PgApiKeyRepository(db);
    }

    @Override
    public PersonRepository people() {
        return new PgPersonRepository(db);
    }

    @Override
    public org.pramaan.likeness.ProtectedPersons likeness() {
        return new PgProtectedPersons(db);
    }

    @Override
    public GenerationRepository generations() {
        return new PgGenerationRepository(db);
    }

    @Override
    public IdempotencyStore idempotency() {
        return new PgIdempotencyStore(db);
    }

    @Override
    public org.pramaan.detect.ReviewLabels reviewLabels() {
        return new org.pramaan.store.jdbc.JdbcReviewLabels(db);
    }

    @Override
    public org.pramaan.nodes.NodeRegistry nodes() {
        return new PgNodeRegistry(db);
    }

    @Override
    public org.pramaan.backscan.ScanJobRepository scans() {
        return new PgScanJobRepository(db);
    }

    /** Nodes share this store, so bank changes go through the outbox to every node's index (issue 15). */
    @Override
    public java.util.Optional<org.pramaan.banks.BankChangeLog> bankChanges() {
        return java.util.Optional.of(new PgBankChangeLog(db));
    }

    /** The shared audit log, relayed as events (issue 15). */
    @Override
    public java.util.Optional<org.pramaan.audit.AuditFeed> auditFeed() {
        return java.util.Optional.of(new PgAuditFeed(db));
    }

    @Override
    public UnitOfWork unitOfWork() {
        return db.unitOfWork();
    }

    @Override
    public Decoders decoders() {
        return decoders;
    }

    @Override
    public List<String> restoredGuards() {
        return restoredGuards;
    }

    /** {@code SELECT 1} over a pooled connection: the server answers a real query. */
    @Override
    public Optional<String> probe() {
        Optional<Integer> one = db.first("SELECT 1", ps -> {}, rs -> rs.getInt(1));
        return one.filter(v -> v == 1).isPresent() ? Optional.empty() : Optional.of("SELECT 1 returned no row");
    }

    @Override
    public void close() {
        db.close();
    }
}

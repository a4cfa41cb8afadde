package org.pramaan.store.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.audit.AuditStore;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.cases.CaseRepository;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRepository;

/**
 * The embedded default: {@code <dataDir>/pramaan.db} plus {@code <dataDir>/blobs/}, held by one
 * process at a time ({@link DataDirectoryLock}: a second opener gets {@link DataDirectoryInUseException}).
 */
public final class EmbeddedStore implements org.pramaan.adapters.Adapters {
    public static final String DATABASE_FILE = "pramaan.db";
    private final SqliteDatabase db;
    private final LocalBlobStore blobs;
    private final DataDirectoryLock lock;
    private final org.pramaan.adapters.Decoders decoders;

    private EmbeddedStore(
            SqliteDatabase db, LocalBlobStore blobs, DataDirectoryLock lock, org.pramaan.adapters.Decoders decoders) {
        this.db = db;
        this.blobs = blobs;
        this.lock = lock;
        this.decoders = decoders;
    }

    /**
     * Opens the embedded store in {@code dataDir}, locking it for this process, without decoders.
     *
     * @throws DataDirectoryInUseException when another process (or store) holds {@code dataDir}
     */
    public static EmbeddedStore open(Path dataDir) throws IOException {
        return open(dataDir, org.pramaan.adapters.Decoders.none());
    }

    /** The store with the decoders the composition root plugs in (the FFmpeg module in the shipped app). */
    public static EmbeddedStore open(Path dataDir, org.pramaan.adapters.Decoders decoders) throws IOException {
        java.util.Objects.requireNonNull(decoders, "decoders");
        DataDirectoryLock lock =
                DataDirectoryLock.acquire(dataDir); // before the database: nothing is migrated under a live server
        try {
            SqliteDatabase db = SqliteDatabase.open(dataDir.resolve(DATABASE_FILE));
            try {
                return new EmbeddedStore(db, new LocalBlobStore(dataDir.resolve("blobs")), lock, decoders);
            } catch (IOException | RuntimeException e) {
                db.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public SqliteDatabase database() {
        return db;
    }

    @Override
    public MediaRepository media() {
        return new SqliteMediaRepository(db);
    }

    @Override
    public CaseRepository cases() {
        return new SqliteCaseRepository(db);
    }

    @Override
    public HashBankRepository banks() {
        return new SqliteHashBankRepository(db);
    }

    @Override
    public AuditStore audit() {
        return new SqliteAuditStore(db);
    }

    @Override
    public ApiKeyRepository apiKeys() {
        return new SqliteApiKeyRepository(db);
    }

    @Override
    public org.pramaan.cases.HoldRepository holds() {
        return new SqliteHoldRepository(db);
    }

    @Override
    public org.pramaan.notify.DeliveryRepository deliveries() {
        return new SqliteDeliveryRepository(db);
    }

    @Override
    public org.pramaan.cases.AccountRepository accounts() {
        return new SqliteAccountRepository(db);
    }

    @Override
    public org.pramaan.access.PersonRepository people() {
        return new SqlitePersonRepository(db);
    }

    @Override
    public org.pramaan.likeness.ProtectedPersons likeness() {
        return new SqliteProtectedPersons(db);
    }

    @Override
    public org.pramaan.generation.GenerationRepository generations() {
        return new SqliteGenerationRepository(db);
    }

    @Override
    public org.pramaan.idempotency.IdempotencyStore idempotency() {
        return new SqliteIdempotencyStore(db);
    }

    @Override
    public org.pramaan.reports.ReportSource reports() {
        return new SqliteReportSource(db);
    }

    @Override
    public org.pramaan.detect.ReviewLabels reviewLabels() {
        return new org.pramaan.store.jdbc.JdbcReviewLabels(db);
    }

    @Override
    public org.pramaan.nodes.NodeRegistry nodes() {
        return new SqliteNodeRegistry(db);
    }

    @Override
    public org.pramaan.backscan.ScanJobRepository scans() {
        return new SqliteScanJobRepository(db);
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    /** See {@link SqliteDatabase#restoredTriggers()}. */
    public java.util.List<String> restoredTriggers() {
        return db.restoredTriggers();
    }

    /** Whether {@code dataDir} holds an embedded store, without creating or locking anything. */
    public static boolean exists(Path dataDir) {
        return java.nio.file.Files.exists(dataDir.resolve(DATABASE_FILE));
    }

    @Override
    public org.pramaan.tx.UnitOfWork unitOfWork() {
        return db.unitOfWork();
    }

    @Override
    public org.pramaan.adapters.Decoders decoders() {
        return decoders;
    }

    /** The append-only triggers restored at open ({@link #restoredTriggers()}). */
    @Override
    public java.util.List<String> restoredGuards() {
        return db.restoredTriggers();
    }

    /** {@code SELECT 1}: the database file is open and answers a real query. */
    @Override
    public java.util.Optional<String> probe() {
        java.util.Optional<Integer> one = db.first("SELECT 1", ps -> {}, rs -> rs.getInt(1));
        return one.filter(v -> v == 1).isPresent()
                ? java.util.Optional.empty()
                : java.util.Optional.of("SELECT 1 returned no row");
    }

    @Override
    public void close() {
        try (lock) {
            db.close();
        }
    }
}

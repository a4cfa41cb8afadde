package org.pramaan.store.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.audit.AuditStore;
import org.pramaan.cases.CaseRepository;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRepository;

/**
 * The embedded default: {@code <dataDir>/pramaan.db} plus {@code <dataDir>/blobs/}, held by one
 * process at a time ({@link DataDirectoryLock}: a second opener gets {@link DataDirectoryInUseException}).
 */
public final class EmbeddedStore implements AutoCloseable {
    public static final String DATABASE_FILE = "pramaan.db";
    private final SqliteDatabase db;
    private final LocalBlobStore blobs;
    private final DataDirectoryLock lock;

    private EmbeddedStore(SqliteDatabase db, LocalBlobStore blobs, DataDirectoryLock lock) {
        this.db = db;
        this.blobs = blobs;
        this.lock = lock;
    }

    /**
     * Opens the embedded store in {@code dataDir}, locking it for this process.
     *
     * @throws DataDirectoryInUseException when another process (or store) holds {@code dataDir}
     */
    public static EmbeddedStore open(Path dataDir) throws IOException {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir); // before the database: nothing is migrated under a live server
        try {
            SqliteDatabase db = SqliteDatabase.open(dataDir.resolve(DATABASE_FILE));
            try {
                return new EmbeddedStore(db, new LocalBlobStore(dataDir.resolve("blobs")), lock);
            } catch (IOException | RuntimeException e) {
                db.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public SqliteDatabase database() { return db; }

    public MediaRepository media() { return new SqliteMediaRepository(db); }

    public CaseRepository cases() { return new SqliteCaseRepository(db); }

    public HashBankRepository banks() { return new SqliteHashBankRepository(db); }

    public AuditStore audit() { return new SqliteAuditStore(db); }

    public ApiKeyRepository apiKeys() { return new SqliteApiKeyRepository(db); }

    public org.pramaan.cases.HoldRepository holds() { return new SqliteHoldRepository(db); }

    public org.pramaan.notify.DeliveryRepository deliveries() { return new SqliteDeliveryRepository(db); }

    public org.pramaan.cases.AccountRepository accounts() { return new SqliteAccountRepository(db); }

    public org.pramaan.idempotency.IdempotencyStore idempotency() { return new SqliteIdempotencyStore(db); }

    public BlobStore blobs() { return blobs; }

    /** See {@link SqliteDatabase#restoredTriggers()}. */
    public java.util.List<String> restoredTriggers() { return db.restoredTriggers(); }

    @Override
    public void close() {
        try (lock) {
            db.close();
        }
    }
}

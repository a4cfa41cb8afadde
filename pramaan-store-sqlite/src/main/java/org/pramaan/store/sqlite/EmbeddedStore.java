package org.pramaan.store.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.audit.AuditStore;
import org.pramaan.cases.CaseRepository;
import org.pramaan.hash.HashBankRepository;
import org.pramaan.screening.BlobStore;
import org.pramaan.screening.MediaRepository;

/** The embedded default: {@code <dataDir>/pramaan.db} plus {@code <dataDir>/blobs/}. */
public final class EmbeddedStore implements AutoCloseable {
    public static final String DATABASE_FILE = "pramaan.db";
    private final SqliteDatabase db;
    private final LocalBlobStore blobs;

    private EmbeddedStore(SqliteDatabase db, LocalBlobStore blobs) {
        this.db = db;
        this.blobs = blobs;
    }

    public static EmbeddedStore open(Path dataDir) throws IOException {
        return new EmbeddedStore(SqliteDatabase.open(dataDir.resolve(DATABASE_FILE)), new LocalBlobStore(dataDir.resolve("blobs")));
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

    @Override
    public void close() { db.close(); }
}

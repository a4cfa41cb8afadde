package org.pramaan.store.postgres;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.audit.AuditStore;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.cases.CaseRepository;
import org.pramaan.intake.MediaRepository;
import org.pramaan.testkit.contracts.ApiKeyRepositoryContract;
import org.pramaan.testkit.contracts.AuditStoreContract;
import org.pramaan.testkit.contracts.CaseRepositoryContract;
import org.pramaan.testkit.contracts.HashBankRepositoryContract;
import org.pramaan.testkit.contracts.MediaRepositoryContract;

/**
 * The PostgreSQL adapters against every port contract, unchanged, on a real server: one per test JVM
 * ({@link PostgresTestServer}), a fresh schema per test.
 */
class PostgresContractsTest {
    private static PostgresStore store;

    static PostgresStore open(Path dir) {
        store = PostgresTestServer.open(dir);
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
        store = null;
    }

    @Nested
    class Media extends MediaRepositoryContract {
        @Override
        protected MediaRepository createRepository(Path dir) {
            return open(dir).media();
        }
    }

    @Nested
    class Cases extends CaseRepositoryContract {
        @Override
        protected CaseRepository createRepository(Path dir) {
            return open(dir).cases();
        }
    }

    @Nested
    class Banks extends HashBankRepositoryContract {
        @Override
        protected HashBankRepository createRepository(Path dir) {
            return open(dir).banks();
        }
    }

    @Nested
    class Audit extends AuditStoreContract {
        @Override
        protected AuditStore createStore(Path dir) {
            return open(dir).audit();
        }
    }

    @Nested
    class Keys extends ApiKeyRepositoryContract {
        @Override
        protected ApiKeyRepository createRepository(Path dir) {
            return open(dir).apiKeys();
        }
    }

    @Nested
    class Holds extends org.pramaan.testkit.contracts.HoldRepositoryContract {
        @Override
        protected org.pramaan.cases.HoldRepository createRepository(Path dir) {
            return open(dir).holds();
        }
    }

    @Nested
    class Deliveries extends org.pramaan.testkit.contracts.DeliveryRepositoryContract {
        @Override
        protected org.pramaan.notify.DeliveryRepository createRepository(Path dir) {
            return open(dir).deliveries();
        }
    }

    @Nested
    class Accounts extends org.pramaan.testkit.contracts.AccountRepositoryContract {
        @Override
        protected org.pramaan.cases.AccountRepository createRepository(Path dir) {
            return open(dir).accounts();
        }
    }

    @Nested
    class Generations extends org.pramaan.testkit.contracts.GenerationRepositoryContract {
        @Override
        protected org.pramaan.generation.GenerationRepository createRepository(Path dir) {
            return open(dir).generations();
        }
    }

    @Nested
    class Reports extends org.pramaan.testkit.contracts.ReportSourceContract {
        @Override
        protected Stores createStores(Path dir) {
            PostgresStore s = open(dir);
            return new Stores(s.cases(), s.media(), s.generations(), s.deliveries(), s.reports());
        }
    }

    @Nested
    class Likeness extends org.pramaan.testkit.contracts.ProtectedPersonsContract {
        @Override
        protected org.pramaan.likeness.ProtectedPersons createRepository(Path dir) {
            return open(dir).likeness();
        }
    }

    @Nested
    class People extends org.pramaan.testkit.contracts.PersonRepositoryContract {
        @Override
        protected org.pramaan.access.PersonRepository createRepository(Path dir) {
            return open(dir).people();
        }
    }

    @Nested
    class Units extends org.pramaan.testkit.contracts.UnitOfWorkContract {
        @Override
        protected org.pramaan.tx.UnitOfWork createUnit(Path dir) {
            return open(dir).database().unitOfWork();
        }
    }

    @Nested
    class Idempotency extends org.pramaan.testkit.contracts.IdempotencyStoreContract {
        @Override
        protected org.pramaan.idempotency.IdempotencyStore createStore(Path dir) {
            if (store != null) store.close(); // reopening the same schema is the contract's restart
            return open(dir).idempotency();
        }
    }

    @Nested
    class Deployment extends org.pramaan.testkit.contracts.AdaptersContract {
        @Override
        protected org.pramaan.adapters.Adapters open(Path dir) throws java.io.IOException {
            return PostgresTestServer.open(dir);
        }
    }

    @Nested
    class Scans extends org.pramaan.testkit.contracts.ScanJobRepositoryContract {
        @Override
        protected org.pramaan.backscan.ScanJobRepository createRepository(Path dir) {
            return open(dir).scans();
        }

        @Override
        protected org.pramaan.tx.UnitOfWork unitOfWork() {
            return store.unitOfWork();
        }
    }

    @Nested
    class Nodes extends org.pramaan.testkit.contracts.NodeRegistryContract {
        @Override
        protected org.pramaan.nodes.NodeRegistry createRegistry(Path dir) {
            return open(dir).nodes();
        }
    }

    @Nested
    class Labels extends org.pramaan.testkit.contracts.ReviewLabelsContract {
        @Override
        protected Opened open(Path dir) {
            PostgresStore s = PostgresContractsTest.open(dir);
            return new Opened(s.reviewLabels(), s.unitOfWork());
        }
    }
}

package org.pramaan.testkit.memory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
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
import org.pramaan.testkit.contracts.AccountRepositoryContract;
import org.pramaan.testkit.contracts.ApiKeyRepositoryContract;
import org.pramaan.testkit.contracts.AuditStoreContract;
import org.pramaan.testkit.contracts.BlobStoreContract;
import org.pramaan.testkit.contracts.CaseRepositoryContract;
import org.pramaan.testkit.contracts.DeliveryRepositoryContract;
import org.pramaan.testkit.contracts.HashBankRepositoryContract;
import org.pramaan.testkit.contracts.HoldRepositoryContract;
import org.pramaan.testkit.contracts.IdempotencyStoreContract;
import org.pramaan.testkit.contracts.MediaRepositoryContract;
import org.pramaan.testkit.contracts.UnitOfWorkContract;
import org.pramaan.tx.UnitOfWork;

/** The in-memory adapters against every port contract, the same suites the SQLite adapters pass. */
class MemoryContractsTest {
    @Nested
    class Media extends MediaRepositoryContract {
        @Override
        protected MediaRepository createRepository(Path dir) {
            return MemoryStore.create().media();
        }
    }

    @Nested
    class Reports extends org.pramaan.testkit.contracts.ReportSourceContract {
        @Override
        protected Stores createStores(Path dir) {
            MemoryStore m = MemoryStore.create();
            return new Stores(m.cases(), m.media(), m.generations(), m.deliveries(), m.reports());
        }
    }

    @Nested
    class Cases extends CaseRepositoryContract {
        @Override
        protected CaseRepository createRepository(Path dir) {
            return MemoryStore.create().cases();
        }
    }

    @Nested
    class Banks extends HashBankRepositoryContract {
        @Override
        protected HashBankRepository createRepository(Path dir) {
            return MemoryStore.create().banks();
        }
    }

    @Nested
    class Audit extends AuditStoreContract {
        @Override
        protected AuditStore createStore(Path dir) {
            return MemoryStore.create().audit();
        }
    }

    @Nested
    class Keys extends ApiKeyRepositoryContract {
        @Override
        protected ApiKeyRepository createRepository(Path dir) {
            return MemoryStore.create().apiKeys();
        }
    }

    @Nested
    class Holds extends HoldRepositoryContract {
        @Override
        protected HoldRepository createRepository(Path dir) {
            return MemoryStore.create().holds();
        }
    }

    @Nested
    class Blobs extends BlobStoreContract {
        @Override
        protected BlobStore createStore(Path dir) {
            return new MemoryBlobStore(dir);
        }
    }

    @Nested
    class Deliveries extends DeliveryRepositoryContract {
        @Override
        protected DeliveryRepository createRepository(Path dir) {
            return MemoryStore.create().deliveries();
        }
    }

    @Nested
    class Accounts extends AccountRepositoryContract {
        @Override
        protected AccountRepository createRepository(Path dir) {
            return MemoryStore.create().accounts();
        }
    }

    @Nested
    class Generations extends org.pramaan.testkit.contracts.GenerationRepositoryContract {
        @Override
        protected org.pramaan.generation.GenerationRepository createRepository(Path dir) {
            return MemoryStore.create().generations();
        }
    }

    @Nested
    class Likeness extends org.pramaan.testkit.contracts.ProtectedPersonsContract {
        @Override
        protected org.pramaan.likeness.ProtectedPersons createRepository(Path dir) {
            return MemoryStore.create().likeness();
        }
    }

    @Nested
    class People extends org.pramaan.testkit.contracts.PersonRepositoryContract {
        @Override
        protected org.pramaan.access.PersonRepository createRepository(Path dir) {
            return MemoryStore.create().people();
        }
    }

    @Nested
    class Units extends UnitOfWorkContract {
        @Override
        protected UnitOfWork createUnit(Path dir) {
            return MemoryStore.create().unitOfWork();
        }
    }

    @Nested
    class Idempotency extends IdempotencyStoreContract {
        /** One store per directory: a second call on the same directory is the contract's restart, {@link MemoryStore#reopen()}. */
        private final Map<Path, MemoryStore> stores = new HashMap<>();

        @Override
        protected IdempotencyStore createStore(Path dir) {
            MemoryStore store = stores.compute(dir, (d, held) -> held == null ? MemoryStore.create() : held.reopen());
            return store.idempotency();
        }
    }

    @Nested
    class Scans extends org.pramaan.testkit.contracts.ScanJobRepositoryContract {
        private final MemoryStore store = MemoryStore.create();

        @Override
        protected org.pramaan.backscan.ScanJobRepository createRepository(Path dir) {
            return store.scans();
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
            return MemoryStore.create().nodes();
        }
    }

    @Nested
    class Labels extends org.pramaan.testkit.contracts.ReviewLabelsContract {
        @Override
        protected Opened open(Path dir) {
            MemoryStore s = MemoryStore.create();
            return new Opened(s.reviewLabels(), s.unitOfWork());
        }
    }
}

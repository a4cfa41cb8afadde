package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.ApiKey;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.access.Role;

/** Contract for {@link ApiKeyRepository} adapters. */
public abstract class ApiKeyRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract ApiKeyRepository createRepository(Path dir);

    @Test
    void storesAndFindsByDigestAndRevokes() {
        ApiKeyRepository repo = createRepository(dir);
        ApiKey k =
                new ApiKey("id1", "d".repeat(64), Role.REVIEWER, "alice", Instant.parse("2026-03-01T10:00:00Z"), false);
        repo.save(k);
        assertThat(repo.findByDigest("d".repeat(64))).contains(k);
        assertThat(repo.findByDigest("e".repeat(64))).isEmpty();
        ApiKey revoked = new ApiKey("id1", k.keyDigest(), k.role(), k.label(), k.createdAt(), true);
        repo.save(revoked);
        assertThat(repo.all()).containsExactly(revoked);
    }

    @Test
    void keepsTheTrustedFlaggerStatusAnAdminGaveTheKey() {
        ApiKeyRepository repo = createRepository(dir);
        ApiKey flagger = new ApiKey(
                "tf1", "f".repeat(64), Role.INGEST, "hotline", Instant.parse("2026-03-01T10:00:00Z"), false, true);
        ApiKey plain =
                new ApiKey("p1", "a".repeat(64), Role.INGEST, "web", Instant.parse("2026-03-01T10:00:00Z"), false);
        repo.save(flagger);
        repo.save(plain);
        assertThat(repo.findByDigest("f".repeat(64)).orElseThrow().trustedFlagger())
                .isTrue();
        assertThat(repo.findByDigest("a".repeat(64)).orElseThrow().trustedFlagger())
                .isFalse();
        ApiKey withdrawn = new ApiKey(
                "tf1", flagger.keyDigest(), flagger.role(), flagger.label(), flagger.createdAt(), false, false);
        repo.save(withdrawn);
        assertThat(repo.findByDigest("f".repeat(64)))
                .as("DSA art.22(6): the status can be revoked")
                .contains(withdrawn);
    }

    /**
     * A digest names one key: a second key (another id) with a stored digest is refused and the first is kept. Nodes
     * registering the same configured admin key at once rely on it (issue 15).
     */
    @Test
    void refusesASecondKeyWithAStoredDigest() {
        ApiKeyRepository repo = createRepository(dir);
        ApiKey first =
                new ApiKey("k1", "c".repeat(64), Role.ADMIN, "node-a", Instant.parse("2026-12-05T10:00:00Z"), false);
        repo.save(first);
        ApiKey second =
                new ApiKey("k2", "c".repeat(64), Role.ADMIN, "node-b", Instant.parse("2026-12-05T10:00:00Z"), false);
        assertThatThrownBy(() -> repo.save(second)).isInstanceOf(RuntimeException.class);
        assertThat(repo.all()).containsExactly(first);
    }
}

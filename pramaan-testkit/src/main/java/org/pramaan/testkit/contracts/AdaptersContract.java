package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.ApiKey;
import org.pramaan.access.Role;
import org.pramaan.adapters.Adapters;

/**
 * Contract for a deployment's {@link Adapters} (issue 12 item 5): the ports it hands out share its
 * unit of work (a use case's writes to several ports commit together or not at all, rule 7), a fresh
 * store answers its readiness probe, and what was committed is there when the store is opened again
 * after {@link Adapters#close()}. The ports themselves have their own suites.
 */
public abstract class AdaptersContract {
    @TempDir
    protected Path dir;

    /** Opens the deployment's store on {@code dir} (the same {@code dir} again reopens it). */
    protected abstract Adapters open(Path dir) throws IOException;

    private static ApiKey key(String id) {
        return new ApiKey(id, "d".repeat(63) + id.charAt(id.length() - 1), Role.ADMIN, "contract", Samples.T0, false);
    }

    @Test
    void aFreshStoreAnswersItsProbeAndRestoredNoGuard() throws IOException {
        try (Adapters a = open(dir)) {
            assertThat(a.probe()).isEmpty();
            assertThat(a.restoredGuards()).isEmpty();
            assertThat(a.decoders()).isNotNull();
        }
    }

    @Test
    void writesToSeveralPortsInOneUnitCommitTogether() throws IOException {
        try (Adapters a = open(dir)) {
            a.unitOfWork().run(() -> {
                a.apiKeys().save(key("k1"));
                a.media().save(Samples.media("m1"));
                return null;
            });
            assertThat(a.apiKeys().findByDigest(key("k1").keyDigest())).isPresent();
            assertThat(a.media().find("m1")).isPresent();
        }
    }

    @Test
    void writesToSeveralPortsInAUnitThatFailsAreAllRolledBack() throws IOException {
        try (Adapters a = open(dir)) {
            IllegalStateException failure = new IllegalStateException("the audit append failed");
            assertThatThrownBy(() -> a.unitOfWork().run(() -> {
                        a.apiKeys().save(key("k2"));
                        a.media().save(Samples.media("m2"));
                        throw failure;
                    }))
                    .isSameAs(failure);
            assertThat(a.apiKeys().findByDigest(key("k2").keyDigest()))
                    .as("the key written before the failure")
                    .isEmpty();
            assertThat(a.media().find("m2"))
                    .as("the media written before the failure")
                    .isEmpty();
        }
    }

    @Test
    void whatWasCommittedIsThereAfterCloseAndReopen() throws IOException {
        try (Adapters a = open(dir)) {
            a.unitOfWork().run(() -> {
                a.media().save(Samples.media("m3"));
                return null;
            });
        }
        try (Adapters again = open(dir)) {
            assertThat(again.media().find("m3")).isPresent();
            assertThat(again.probe()).isEmpty();
        }
    }
}

package org.pramaan.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;

class AdapterRegistryTest {
    private record Named(String name) implements AdaptersProvider {
        @Override
        public Adapters open(StoreSettings settings) {
            throw new UnsupportedOperationException("not opened in these tests");
        }

        @Override
        public boolean exists(StoreSettings settings) {
            return false;
        }
    }

    @Test
    void aPlannedKindIsRefusedAsNotBuiltNamingTheFieldValueAndWhatIsAvailable() {
        AdapterRegistry r = AdapterRegistry.of(List.of(new Named("embedded"), new Named("memory")));
        assertThatThrownBy(() -> r.provider("postgres")).isInstanceOfSatisfying(Invalid.class, e -> {
            assertThat(e.code()).isEqualTo(AdapterRegistry.UNAVAILABLE);
            assertThat(e.field()).contains("store");
            assertThat(e.getMessage())
                    .isEqualTo(
                            "store 'postgres' names the postgres adapter, which is not built yet; available: embedded, memory");
        });
        assertThat(r.refusal("mongo")).isEqualTo("names no store adapter; available: embedded, memory");
    }

    @Test
    void aHostileValueIsCutInTheMessage() {
        AdapterRegistry r = AdapterRegistry.of(List.of(new Named("embedded")));
        assertThatThrownBy(() -> r.provider("x".repeat(10_000)))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void providersAreFoundByExactNameAndTwoWithOneNameAreAPackagingMistake() {
        AdapterRegistry r = AdapterRegistry.of(List.of(new Named("embedded")));
        assertThat(r.find("embedded")).isPresent();
        assertThat(r.find("Embedded")).isEmpty();
        assertThatThrownBy(() -> AdapterRegistry.of(List.of(new Named("embedded"), new Named("embedded"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two store providers are named 'embedded'");
    }
}

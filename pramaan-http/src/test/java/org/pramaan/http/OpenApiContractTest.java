package org.pramaan.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.json.Json;
import org.pramaan.store.sqlite.EmbeddedStore;

/** openapi.json documents exactly the routes the server registers, with the right security. */
class OpenApiContractTest {
    @TempDir
    Path dir;

    private EmbeddedStore store;

    @AfterEach
    void close() {
        store.close();
    }

    private HttpApi api() throws Exception {
        store = EmbeddedStore.open(dir);
        return new HttpApi(HttpApiTestSupport.wire(store, Clock.systemUTC(), store.deliveries(), dir)
                .services());
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        JsonNode spec = Json.mapper().readTree(HttpApiTestSupport.resource("/openapi.json"));
        assertThat(spec.path("openapi").asText()).startsWith("3.");
        Set<String> documented = new HashSet<>();
        spec.path("paths")
                .fields()
                .forEachRemaining(p -> p.getValue()
                        .fieldNames()
                        .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        Set<String> served = new HashSet<>();
        for (Route r : api().routes()) {
            served.add(r.method() + " " + r.path());
            JsonNode op = spec.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
            assertThat(op.path("responses").size())
                    .as("responses of %s %s", r.method(), r.path())
                    .isPositive();
            String name = r.method() + " " + r.path();
            assertThat(op.path("operationId").asText())
                    .as("operationId of %s", name)
                    .isNotBlank();
            assertThat(op.path("tags").size()).as("tags of %s", name).isPositive();
            if (r.permission().isEmpty()) {
                // Public: the document's global bearer security is switched off for this operation.
                assertThat(op.path("security").isArray() && op.path("security").isEmpty())
                        .as("security: [] on public %s", name)
                        .isTrue();
            } else {
                assertThat(op.has("security") ? op.path("security") : spec.path("security"))
                        .as("security of %s", name)
                        .anySatisfy(s -> assertThat(s.has("bearer")).isTrue());
                // What every guarded route may answer: no key, wrong role, over the rate limit (with Retry-After), past
                // its budget.
                for (String code : List.of("401", "403", "429", "503"))
                    assertThat(op.path("responses").has(code))
                            .as("%s of %s", code, name)
                            .isTrue();
                if (op.has("requestBody"))
                    assertThat(op.path("responses").has("413"))
                            .as("413 of %s (it takes a body)", name)
                            .isTrue();
            }
        }
        JsonNode limited = spec.path("components").path("responses").path("RateLimited");
        assertThat(limited.path("headers").has("Retry-After")).isTrue();
        assertThat(spec.path("paths")
                        .path("/readyz")
                        .path("get")
                        .path("responses")
                        .has("503"))
                .isTrue();
        for (String creating :
                List.of("/v1/notices", "/v1/media", "/v1/banks/{name}/items", "/v1/cases/{id}/actions")) {
            assertThat(spec.path("paths")
                            .path(creating)
                            .path("post")
                            .path("parameters")
                            .toString())
                    .as("Idempotency-Key on POST %s", creating)
                    .contains("#/components/parameters/IdempotencyKey");
        }
        assertThat(served).isEqualTo(documented);
    }
}

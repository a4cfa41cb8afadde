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
import org.pramaan.access.ApiKeys;
import org.pramaan.assessment.Assessor;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.HashBanks;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.RulePack;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.hash.PdqHasher;
import org.pramaan.intake.Intake;
import org.pramaan.intake.Screener;
import org.pramaan.json.Json;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
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
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(store.audit(), clock, store.database().unitOfWork());
        HashBanks banks = new HashBanks(store.banks(), clock, store.database().unitOfWork());
        org.pramaan.signals.PdqExtractor pdq = new org.pramaan.signals.PdqExtractor(
                new PdqHasher(), new org.pramaan.media.image.StandardStillImageDecoder());
        Screener screener = new Screener(
                MediaProber.standard(),
                MediaLimits.defaults(),
                org.pramaan.signals.SignalExtractors.standard(
                        pdq, org.pramaan.signals.AvHasher.none(), List.of(), banks),
                new Assessor(),
                JurisdictionPolicy.load("IN"),
                banks,
                pdq,
                org.pramaan.signals.AvHasher.none());
        org.pramaan.events.EventBus events = new org.pramaan.events.EventBus();
        CaseService cases = new CaseService(
                CaseService.Dependencies.of(
                        List.of(RulePack.load("IN")),
                        store.cases(),
                        store.media(),
                        banks,
                        audit,
                        clock,
                        store.database().unitOfWork()),
                events);
        return new HttpApi(ApiServices.of(
                screener,
                new Intake(screener, store.media(), store.blobs(), audit, clock, events),
                store.media(),
                cases,
                new org.pramaan.cases.Retention(store.holds(), store.media(), store.blobs(), audit, clock),
                new org.pramaan.cases.EvidenceBundles(cases, store.media(), store.blobs(), audit, clock),
                new org.pramaan.banks.BankCuration(banks, audit, clock),
                audit,
                new ApiKeys(store.apiKeys(), audit, clock),
                MediaLimits.defaults(),
                dir,
                clock,
                store.deliveries(),
                new org.pramaan.notify.Dispatcher(store.deliveries(), List.of(), audit, clock),
                java.util.Optional.empty(),
                new org.pramaan.provenance.c2pa.C2paReader(org.pramaan.provenance.c2pa.TrustSettings.none(clock)),
                java.util.Optional.empty(),
                org.pramaan.banks.BankFiles.Limits.DEFAULT));
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

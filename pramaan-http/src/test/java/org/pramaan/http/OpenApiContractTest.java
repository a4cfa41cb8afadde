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
import org.pramaan.audit.AuditLog;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.RulePack;
import org.pramaan.hash.HashBanks;
import org.pramaan.hash.PdqHasher;
import org.pramaan.json.Json;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.policy.Assessor;
import org.pramaan.policy.JurisdictionPolicy;
import org.pramaan.screening.Intake;
import org.pramaan.screening.Screener;
import org.pramaan.store.sqlite.EmbeddedStore;

/** openapi.json documents exactly the routes the server registers, with the right security. */
class OpenApiContractTest {
    @TempDir
    Path dir;
    private EmbeddedStore store;

    @AfterEach
    void close() { store.close(); }

    private HttpApi api() throws Exception {
        store = EmbeddedStore.open(dir);
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(store.audit(), clock);
        HashBanks banks = new HashBanks(store.banks(), clock);
        Screener screener = new Screener(MediaProber.standard(), MediaLimits.defaults(), List.of(), new PdqHasher(), new Assessor(),
                JurisdictionPolicy.load("IN"), banks);
        CaseService cases = new CaseService(List.of(RulePack.load("IN")), store.cases(), store.media(), banks, audit, clock);
        return new HttpApi(new ApiServices(screener, new Intake(screener, store.media(), store.blobs(), audit, clock), store.media(), cases,
                new org.pramaan.cases.Retention(store.holds(), store.media(), store.blobs(), audit, clock),
                new org.pramaan.cases.EvidenceBundles(cases, store.media(), store.blobs(), audit, clock),
                new org.pramaan.hash.BankCuration(banks, audit, clock), audit,
                new ApiKeys(store.apiKeys(), audit, clock), MediaLimits.defaults(), dir, clock, store.deliveries(),
                new org.pramaan.notify.Dispatcher(store.deliveries(), List.of(), audit, clock), java.util.Optional.empty(),
                new org.pramaan.provenance.c2pa.C2paReader(org.pramaan.provenance.c2pa.TrustSettings.none(clock))));
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        JsonNode spec = Json.mapper().readTree(HttpApiTestSupport.resource("/openapi.json"));
        assertThat(spec.path("openapi").asText()).startsWith("3.");
        Set<String> documented = new HashSet<>();
        spec.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        Set<String> served = new HashSet<>();
        for (Route r : api().routes()) {
            served.add(r.method() + " " + r.path());
            JsonNode op = spec.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
            assertThat(op.path("responses").size()).as("responses of %s %s", r.method(), r.path()).isPositive();
            assertThat(op.has("security")).as("security of %s %s", r.method(), r.path()).isEqualTo(r.permission().isPresent());
        }
        assertThat(served).isEqualTo(documented);
    }
}

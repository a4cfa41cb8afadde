package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed claim, C2PA 2.2 §10.2: v1 {@code claim-map} (label {@code c2pa.claim}: {@code assertions},
 * {@code claim_generator} string, {@code claim_generator_info} array) or v2 {@code claim-map-v2}
 * (label {@code c2pa.claim.v2}: {@code created_assertions} + {@code gathered_assertions}, one
 * {@code claim_generator_info} map). The raw bytes are kept because the signature covers them (§13.2).
 */
record Claim(
        int version,
        JsonNode map,
        byte[] bytes,
        Optional<String> claimGenerator,
        List<JsonNode> generatorInfo,
        List<HashedUri> assertions,
        String signatureUrl,
        String alg) {

    static Claim parse(String label, byte[] store, Jumbf.Box content) throws C2paException {
        int version = label.equals("c2pa.claim.v2") ? 2 : 1;
        byte[] bytes = java.util.Arrays.copyOfRange(store, content.contentStart(), content.end());
        // Pre-1.0 claims were JSON; the reference refuses them (PrereleaseError).
        if (content.type().equals("json"))
            throw new C2paException("manifest.prerelease", "claim of '" + label + "' is JSON, a pre-1.0 C2PA claim");
        JsonNode m = Cbor.read(bytes, 0, bytes.length, "claim");
        if (!m.isObject()) throw new C2paException("claim.malformed", "the claim is not a CBOR map");
        // §10.2: internal hashes need the claim's alg; the reference refuses a claim without one (UnknownAlgorithm).
        String alg = Cbor.text(m, "alg");
        if (alg.isEmpty())
            throw new C2paException("algorithm.unsupported", "claim of '" + label + "' has no hashing algorithm (alg)");
        List<HashedUri> refs = new ArrayList<>();
        for (String field :
                version == 2 ? List.of("created_assertions", "gathered_assertions") : List.of("assertions")) {
            JsonNode list = m.get(field);
            if (list == null) continue;
            if (!list.isArray())
                throw new C2paException("claim.malformed", "claim field '" + field + "' is not an array");
            for (JsonNode r : list)
                refs.add(HashedUri.from(r, alg)
                        .orElseThrow(() -> new C2paException(
                                "claim.malformed", "claim field '" + field + "' holds an invalid hashed URI")));
        }
        if (version == 2 && !m.has("created_assertions"))
            throw new C2paException("claim.malformed", "claim v2 without created_assertions");
        List<JsonNode> info = new ArrayList<>();
        JsonNode gi = m.get("claim_generator_info");
        if (gi != null && gi.isArray()) gi.forEach(info::add);
        else if (gi != null && gi.isObject()) info.add(gi);
        String gen = Cbor.text(m, "claim_generator");
        return new Claim(
                version,
                m,
                bytes,
                gen.isEmpty() ? Optional.empty() : Optional.of(gen),
                List.copyOf(info),
                List.copyOf(refs),
                Cbor.text(m, "signature"),
                alg);
    }

    String instanceId() {
        return Cbor.text(map, "instanceID");
    }

    String title() {
        return Cbor.text(map, "dc:title");
    }

    String format() {
        return Cbor.text(map, "dc:format");
    }
}

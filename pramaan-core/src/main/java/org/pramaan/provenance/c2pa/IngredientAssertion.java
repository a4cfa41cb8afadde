package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.media.MediaSource;

/**
 * Builds a {@code c2pa.ingredient.v3} assertion (C2PA 2.2 §18.7) and, when the ingredient carries a
 * manifest store, the manifests to copy into the new store: {@code activeManifest} and
 * {@code claimSignature} are hashed URIs into those copies, and {@code validationResults} records what
 * validating the ingredient gave (§18.7.3: required in v3 whenever activeManifest is present).
 */
final class IngredientAssertion {
    static final String LABEL = "c2pa.ingredient.v3";

    record Built(byte[] cbor, List<byte[]> carried) {}

    private IngredientAssertion() {}

    static Built build(ManifestRequest.Ingredient ing, TrustSettings trust) throws IOException {
        MediaSource src = MediaSource.of(ing.asset());
        String format = Sniff.format(src.readUpTo(0, 64));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dc:title", ing.title());
        m.put("dc:format", format.isEmpty() ? "application/octet-stream" : format);
        m.put("relationship", ing.relationship().wire);
        Optional<byte[]> storeBytes;
        try {
            storeBytes = StoreLocator.locate(src).store();
        } catch (C2paException e) {
            storeBytes = Optional.empty(); // an unreadable or unsupported ingredient has unknown provenance
        }
        List<byte[]> carried = new ArrayList<>();
        if (storeBytes.isPresent()) {
            try {
                ManifestStore store = ManifestStore.parse(storeBytes.get());
                Manifest active = store.active();
                for (Manifest mf : store.manifests())
                    carried.add(java.util.Arrays.copyOfRange(
                            store.bytes(), mf.box().start(), mf.box().end()));
                String base = "self#jumbf=/c2pa/" + active.label();
                m.put("activeManifest", uri(base, store.bytes(), active.box()));
                m.put(
                        "claimSignature",
                        uri(
                                base + "/c2pa.signature",
                                store.bytes(),
                                active.box().child("c2pa.signature").orElseThrow()));
                m.put("validationResults", Map.of("activeManifest", results(new C2paReader(trust).read(src))));
            } catch (C2paException e) {
                carried.clear(); // a store that does not parse is not carried; the ingredient is then without
                // provenance
                m.remove("activeManifest");
                m.remove("claimSignature");
            }
        }
        return new Built(CborEncoder.encode(m), carried);
    }

    private static Map<String, Object> uri(String url, byte[] store, Jumbf.Box box) {
        return Map.of("url", url, "hash", Hashing.of(StoreBuilder.ALG, store, box.contentStart(), box.end()));
    }

    private static Map<String, Object> results(C2paOutcome o) {
        Map<String, Object> r = new LinkedHashMap<>();
        ValidationResults v = o instanceof C2paOutcome.Read read
                ? read.report().active()
                : new ValidationResults(List.of(), List.of(), List.of());
        r.put("success", codes(v.success()));
        r.put("informational", codes(v.informational()));
        r.put("failure", codes(v.failure()));
        return r;
    }

    private static List<Object> codes(List<StatusCode> l) {
        List<Object> out = new ArrayList<>();
        for (StatusCode s : l) out.add(Map.of("code", s.code(), "url", s.url(), "explanation", s.explanation()));
        return out;
    }
}

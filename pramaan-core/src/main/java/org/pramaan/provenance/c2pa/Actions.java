package org.pramaan.provenance.c2pa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code c2pa.actions.v2} assertion the signer writes (C2PA 2.2 §18.14). Without a parent, the
 * first action is {@code c2pa.created} with the digital source type (§18.14.2 requires it there). A
 * {@code parentOf} ingredient makes the first action {@code c2pa.opened} instead (§18.14.4: opened, not
 * created, names the parent), followed by {@code c2pa.edited} carrying the source type; a
 * {@code componentOf} ingredient adds {@code c2pa.placed}. Both reference the ingredient by hashed URI.
 * The request's further {@link ManifestRequest.Step steps} follow, each with its own agent and description.
 */
final class Actions {
    static final String LABEL = "c2pa.actions.v2";

    private Actions() {}

    static byte[] cbor(ManifestRequest r, Optional<byte[]> ingredientBox) {
        Map<String, Object> agent = Map.of("name", r.softwareAgent().isEmpty() ? "Pramaan" : r.softwareAgent());
        List<Object> actions = new ArrayList<>();
        Optional<Map<String, Object>> params = ingredientBox.map(b -> Map.of(
                "ingredients",
                List.of(Map.of(
                        "url",
                        "self#jumbf=c2pa.assertions/" + IngredientAssertion.LABEL,
                        "hash",
                        JumbfWriter.contentHash(StoreBuilder.ALG, b)))));
        boolean parent = r.ingredient()
                .map(i -> i.relationship() == ManifestRequest.Relationship.PARENT_OF)
                .orElse(false);
        if (parent) {
            actions.add(action("c2pa.opened", agent, Optional.empty(), params));
            actions.add(action(
                    "c2pa.edited",
                    agent,
                    Optional.of(r.digitalSourceType()).filter(d -> !d.isEmpty()),
                    Optional.empty()));
        } else {
            actions.add(action("c2pa.created", agent, Optional.of(r.digitalSourceType()), Optional.empty()));
            params.ifPresent(p -> actions.add(action("c2pa.placed", agent, Optional.empty(), Optional.of(p))));
        }
        // Later actions in the order they were done (§18.14: the array is chronological).
        for (ManifestRequest.Step s : r.steps()) {
            Map<String, Object> a = action(
                    s.action(),
                    Map.of("name", s.softwareAgent().isEmpty() ? agent.get("name") : s.softwareAgent()),
                    Optional.empty(),
                    Optional.empty());
            s.description().ifPresent(d -> a.put("description", d));
            actions.add(a);
        }
        return CborEncoder.encode(Map.of("actions", actions));
    }

    private static Map<String, Object> action(
            String name, Map<String, Object> agent, Optional<String> dst, Optional<Map<String, Object>> params) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("action", name);
        a.put("softwareAgent", agent); // v2: a generator-info map, not v1's string
        dst.ifPresent(d -> a.put("digitalSourceType", d));
        params.ifPresent(p -> a.put("parameters", p));
        return a;
    }
}

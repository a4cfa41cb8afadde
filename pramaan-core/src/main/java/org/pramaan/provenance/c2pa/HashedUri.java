package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** C2PA 2.2 §8.4.2 hashed-uri-map: {@code {url, alg?, hash}}; {@code alg} falls back to the claim's. */
record HashedUri(String url, String alg, byte[] hash) {
    static Optional<HashedUri> from(JsonNode n, String defaultAlg) {
        if (n == null || !n.isObject()) return Optional.empty();
        String url = Cbor.text(n, "url");
        Optional<byte[]> hash = Cbor.bytes(n.get("hash"));
        if (url.isEmpty() || hash.isEmpty()) return Optional.empty();
        String alg = Cbor.text(n, "alg");
        return Optional.of(new HashedUri(url, alg.isEmpty() ? defaultAlg : alg, hash.get()));
    }

    /** The JUMBF path without {@code self#jumbf=}. */
    String path() {
        return url.startsWith("self#jumbf=") ? url.substring("self#jumbf=".length()) : url;
    }

    /** The last path element (an assertion label such as {@code c2pa.hash.data}). */
    String leaf() {
        String p = path();
        return p.substring(p.lastIndexOf('/') + 1);
    }
}

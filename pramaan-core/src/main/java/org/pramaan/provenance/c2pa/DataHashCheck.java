package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.media.MediaSource;

/**
 * {@code c2pa.hash.data} (C2PA 2.2 §18.5): {@code {exclusions?: [{start, length}], alg?, hash, pad}};
 * the hash covers every asset byte outside the exclusions.
 */
final class DataHashCheck {
    private DataHashCheck() {}

    /** True when the hash matches; empty exclusions or junk fields are a mismatch, never an exception. */
    static boolean matches(JsonNode a, String claimAlg, MediaSource asset) throws IOException {
        String alg = Cbor.text(a, "alg").isEmpty() ? claimAlg : Cbor.text(a, "alg");
        Optional<MessageDigest> md = Hashing.digest(alg);
        Optional<byte[]> want = Cbor.bytes(a.get("hash"));
        if (md.isEmpty() || want.isEmpty()) return false;
        List<Hashing.Range> ex = new ArrayList<>();
        JsonNode list = a.get("exclusions");
        if (list != null && list.isArray()) {
            for (JsonNode e : list) {
                if (!e.path("start").canConvertToLong() || !e.path("length").canConvertToLong()) return false;
                long s = e.get("start").asLong(), l = e.get("length").asLong();
                if (s < 0 || l < 0 || s > Long.MAX_VALUE - l) return false;
                ex.add(new Hashing.Range(s, s + l));
            }
        }
        Optional<byte[]> got = Hashing.asset(md.get(), asset, ex, List.of());
        return got.isPresent() && MessageDigest.isEqual(got.get(), want.get());
    }

    /**
     * More than one exclusion in a local data hash: reported informational, as the reference SDK does
     * (c2pa-rs claim.rs: "extra data hash exclusions found" when exclusions.len() > 1 and no remote
     * {@code url}). Judged from the assertion alone, so a sidecar store (§11.5), whose asset holds no
     * store, gets the same verdict as the embedded copy (found by the live interop suite, TIFF sidecar).
     */
    static boolean additionalExclusions(JsonNode a) {
        JsonNode list = a.get("exclusions");
        return list != null && list.isArray() && list.size() > 1 && !a.has("url");
    }
}

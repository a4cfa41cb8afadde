package org.pramaan.provenance.c2pa;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hard-binding assertions the signer writes (C2PA 2.2 §18.5, §18.6). */
final class HardBindings {
    static final String DATA = "c2pa.hash.data", BMFF = "c2pa.hash.bmff.v3";

    private HardBindings() {}

    /**
     * §18.5 data-hash-map. One exclusion: the bytes the embedded store occupies (whole segments,
     * chunk or frame, headers included); none for a sidecar. {@code pad} is required by the schema; the
     * signer reaches a fixed point on the exclusion length instead of padding, so it stays empty.
     */
    static Map<String, Object> data(long start, long length, byte[] hash, boolean excludeStore) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (excludeStore) m.put("exclusions", List.of(Map.of("start", start, "length", length)));
        m.put("name", "jumbf manifest");
        m.put("alg", StoreBuilder.ALG);
        m.put("hash", hash);
        m.put("pad", new byte[0]);
        return m;
    }

    /**
     * §18.6 bmff-hash-map, v3. Exclusions as the reference SDK writes them: the C2PA {@code uuid} box
     * (matched by its usertype at offset 8, so other uuid boxes stay hashed), {@code ftyp} (brands may be
     * rewritten), and {@code mfra}/{@code free}/{@code skip}, which carry no media and are rewritten by muxers.
     */
    static Map<String, Object> bmff(byte[] hash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "exclusions",
                List.of(
                        Map.of(
                                "xpath",
                                "/uuid",
                                "data",
                                List.of(Map.of(
                                        "offset", 8, "value", HexFormat.of().parseHex(StoreLocator.C2PA_UUID)))),
                        Map.of("xpath", "/ftyp"),
                        Map.of("xpath", "/mfra"),
                        Map.of("xpath", "/free"),
                        Map.of("xpath", "/skip")));
        m.put("alg", StoreBuilder.ALG);
        m.put("hash", hash);
        m.put("name", "jumbf manifest");
        return m;
    }
}

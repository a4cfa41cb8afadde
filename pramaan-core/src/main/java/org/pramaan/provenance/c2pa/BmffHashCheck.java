package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;

/**
 * {@code c2pa.hash.bmff} v1/v2/v3 (C2PA 2.2 §18.6): exclusions by box path ({@code xpath}) narrowed
 * by {@code length}, {@code version}, {@code flags}/{@code exact}, {@code data} matches and
 * {@code subset}s; from v2 on, every top-level box not wholly excluded is hashed with its offset first.
 * A {@code merkle} field (fragmented MP4, §18.6.4) is checked by {@link BmffMerkleCheck}, after the
 * file-level {@code hash} where both are given.
 */
final class BmffHashCheck {
    private static final int MAX_PATH_BOXES = 100_000;

    /** Outcome with a reason for the explanation field. */
    record Outcome(boolean match, String explanation) {}

    private BmffHashCheck() {}

    static Outcome check(JsonNode a, int version, String claimAlg, MediaSource src) throws IOException {
        String alg = Cbor.text(a, "alg").isEmpty() ? claimAlg : Cbor.text(a, "alg");
        if (Hashing.digest(alg).isEmpty()) return new Outcome(false, "unsupported hash algorithm '" + alg + "'");
        Optional<byte[]> want = Cbor.bytes(a.get("hash"));
        JsonNode merkle = a.get("merkle");
        boolean hasMerkle = merkle != null && !merkle.isNull();
        if (want.isEmpty() && !hasMerkle)
            return new Outcome(false, "the assertion has neither a hash nor a Merkle tree");
        try {
            Plan plan = plan(a, version, src);
            if (want.isPresent()) {
                Optional<byte[]> got =
                        Hashing.asset(Hashing.digest(alg).orElseThrow(), src, plan.excluded(), plan.marks());
                if (got.isEmpty()) return new Outcome(false, "exclusions run past the end of the asset");
                if (!MessageDigest.isEqual(got.get(), want.get()))
                    return new Outcome(false, "BMFF file level hash mismatch");
            }
            return hasMerkle ? BmffMerkleCheck.check(merkle, alg, plan, src) : new Outcome(true, "data hash valid");
        } catch (BmffBoxes.BoxException e) {
            return new Outcome(false, "asset box structure is invalid: " + e.getMessage());
        }
    }

    /**
     * What the exclusions select over {@code src}: the top-level boxes, the byte ranges left out and,
     * from v2 on, the offsets of the top-level boxes that are hashed (each fed before its box, §18.6.3).
     */
    record Plan(List<BmffBoxes.Box> top, List<Hashing.Range> excluded, List<Long> marks) {
        /** The hash of {@code [from, to)} alone under these exclusions: a Merkle leaf or the init segment (§18.6.4). */
        Optional<byte[]> window(MessageDigest md, MediaSource src, long from, long to) throws IOException {
            List<Hashing.Range> ex = new ArrayList<>(excluded);
            if (from > 0) ex.add(new Hashing.Range(0, from));
            if (to < src.size()) ex.add(new Hashing.Range(to, src.size()));
            return Hashing.asset(
                    md, src, ex, marks.stream().filter(m -> m >= from && m < to).toList());
        }
    }

    static Plan plan(JsonNode a, int version, MediaSource src) throws IOException, BmffBoxes.BoxException {
        List<BmffBoxes.Box> top = BmffBoxes.children(src, 0, src.size());
        List<Hashing.Range> excluded = new ArrayList<>();
        Set<Long> fullyExcludedTop = new HashSet<>();
        JsonNode list = a.get("exclusions");
        if (list != null && list.isArray()) {
            for (JsonNode e : list) exclude(src, top, e, excluded, fullyExcludedTop);
        }
        List<Long> marks = new ArrayList<>();
        if (version > 1) for (BmffBoxes.Box b : top) if (!fullyExcludedTop.contains(b.offset())) marks.add(b.offset());
        return new Plan(top, excluded, marks);
    }

    /** The hash the assertion's exclusions define over {@code src}; shared by the validator and the signer. */
    static Optional<byte[]> compute(JsonNode a, int version, String alg, MediaSource src)
            throws IOException, BmffBoxes.BoxException {
        MessageDigest md = Hashing.digest(alg)
                .orElseThrow(() -> new IllegalArgumentException("unsupported hash algorithm '" + alg + "'"));
        Plan plan = plan(a, version, src);
        return Hashing.asset(md, src, plan.excluded(), plan.marks());
    }

    private static void exclude(
            MediaSource src, List<BmffBoxes.Box> top, JsonNode e, List<Hashing.Range> out, Set<Long> fullTop)
            throws IOException {
        String xpath = Cbor.text(e, "xpath");
        if (!xpath.startsWith("/")) return;
        for (BmffBoxes.Box b : select(
                src,
                top,
                org.pramaan.limits.PlainText.split(xpath.substring(1), '/', false)
                        .toArray(String[]::new))) {
            if (!qualifies(src, b, e)) continue;
            JsonNode subsets = e.get("subset");
            long size = b.end() - b.offset();
            if (subsets != null && subsets.isArray() && !subsets.isEmpty()) {
                for (JsonNode s : subsets) {
                    long off = s.path("offset").asLong(), len = s.path("length").asLong();
                    if (off < 0 || len < 0 || off > size) continue;
                    long l = len == 0 ? size - off : Math.min(len, size - off);
                    out.add(new Hashing.Range(b.offset() + off, b.offset() + off + l));
                }
            } else {
                out.add(new Hashing.Range(b.offset(), b.end()));
                fullTop.add(b.offset());
            }
        }
    }

    private static boolean qualifies(MediaSource src, BmffBoxes.Box b, JsonNode e) throws IOException {
        long size = b.end() - b.offset();
        if (set(e, "length") && e.get("length").asLong() != size) return false;
        if (set(e, "version") || set(e, "flags")) {
            if (b.payloadOffset() + 4 > b.end()) return false;
            byte[] vf = src.read(b.payloadOffset(), 4);
            if (set(e, "version") && e.get("version").asInt() != (vf[0] & 0xFF)) return false;
            Optional<byte[]> flags = Cbor.bytes(e.get("flags"));
            if (flags.isPresent() && flags.get().length >= 3) {
                long want =
                        ((flags.get()[0] & 0xFFL) << 16) | ((flags.get()[1] & 0xFFL) << 8) | (flags.get()[2] & 0xFFL);
                long have = ((vf[1] & 0xFFL) << 16) | ((vf[2] & 0xFFL) << 8) | (vf[3] & 0xFFL);
                boolean exact = !set(e, "exact") || e.get("exact").asBoolean(true);
                if (exact ? want != have : (want | have) != want) return false;
            }
        }
        JsonNode data = e.get("data");
        if (data != null && data.isArray()) {
            for (JsonNode d : data) {
                Optional<byte[]> value = Cbor.bytes(d.get("value"));
                long at = b.offset() + d.path("offset").asLong();
                if (value.isEmpty() || at + value.get().length > b.end()) return false;
                if (!Arrays.equals(src.read(at, value.get().length), value.get())) return false;
            }
        }
        return true;
    }

    /** Writers emit absent optional fields as CBOR null; both mean "no constraint". */
    private static boolean set(JsonNode e, String field) {
        return e.has(field) && !e.get(field).isNull();
    }

    /** Boxes on the path; {@code meta} is a FullBox whose children start 4 bytes in (ISO/IEC 14496-12 §8.11.1). */
    private static List<BmffBoxes.Box> select(MediaSource src, List<BmffBoxes.Box> level, String[] path)
            throws IOException {
        List<BmffBoxes.Box> current =
                level.stream().filter(b -> b.type().equals(path[0])).toList();
        for (int i = 1; i < path.length && !current.isEmpty(); i++) {
            List<BmffBoxes.Box> next = new ArrayList<>();
            for (BmffBoxes.Box parent : current) {
                long from = parent.payloadOffset() + (parent.type().equals("meta") ? 4 : 0);
                try {
                    for (BmffBoxes.Box c : BmffBoxes.children(src, from, parent.end()))
                        if (c.type().equals(path[i])) next.add(c);
                } catch (BmffBoxes.BoxException ex) {
                    // not a container after all: nothing below it matches
                }
                if (next.size() > MAX_PATH_BOXES) break;
            }
            current = next;
        }
        return current;
    }
}

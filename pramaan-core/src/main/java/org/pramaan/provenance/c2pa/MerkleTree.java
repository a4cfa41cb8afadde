package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;
import org.pramaan.media.container.Bytes;
import org.pramaan.provenance.c2pa.BmffMerkleCheck.Mismatch;

/**
 * Merkle trees of C2PA 2.2 §18.6.4: nodes hash pairwise, {@code H(left || right)}, row by row; a
 * node without a right sibling moves up unchanged (no padding, no duplication). A {@code merkle-map}
 * stores one row ({@code hashes}); a fragment's proof lists the siblings from its leaf's peer up to
 * that row, so a stored row of width 1 is the root. Bounded: {@link BmffMerkleCheck#MAX_MAPS} trees,
 * {@link BmffMerkleCheck#MAX_LEAVES} leaves, {@link #MAX_PROOF} hashes per proof.
 */
final class MerkleTree {
    static final int MAX_PROOF = 64, MAX_PROOF_BOX = 64 * 1024;

    /** One {@code merkle-map}; {@code row} is the stored row of the tree. */
    record Map(long uniqueId, long localId, int count, String alg, Optional<byte[]> initHash, List<byte[]> row) {
        String name() {
            return "Merkle tree uniqueId " + uniqueId + "/localId " + localId;
        }
    }

    /** One {@code merkle} uuid box: which tree, which leaf, and the sibling hashes leaf-most first. */
    record Proof(long uniqueId, long localId, long location, List<byte[]> hashes) {}

    private MerkleTree() {}

    /** Row widths from the leaves up to the root: 5 → [5, 3, 2, 1]. */
    static List<Integer> widths(int count) {
        List<Integer> w = new ArrayList<>();
        for (int n = count; ; n = (n + 1) / 2) {
            w.add(n);
            if (n == 1) return w;
        }
    }

    /** Whether {@code leaf} at {@code p.location()} climbs through {@code p.hashes()} to the stored row. */
    static boolean proves(Map m, byte[] leaf, Proof p) {
        if (p.location() < 0 || p.location() >= m.count()) return false;
        MessageDigest md = Hashing.digest(m.alg()).orElseThrow();
        long index = p.location();
        byte[] h = leaf;
        int used = 0;
        for (int width : widths(m.count())) {
            if (width == m.row().size()) break;
            if ((index ^ 1) < width) {
                if (used >= p.hashes().size()) return false;
                byte[] s = p.hashes().get(used++);
                if (s.length != md.getDigestLength()) return false;
                md.update((index & 1) == 1 ? s : h);
                md.update((index & 1) == 1 ? h : s);
                h = md.digest();
            }
            index >>= 1;
        }
        // A proof carries exactly the siblings the path needs (§18.6.4); leftovers mean a malformed box.
        return used == p.hashes().size() && MessageDigest.isEqual(h, m.row().get((int) index));
    }

    static List<Map> maps(JsonNode list, String alg) throws Mismatch {
        if (list == null || !list.isArray() || list.isEmpty())
            throw new Mismatch("'merkle' must be a non-empty array of merkle-maps");
        if (list.size() > BmffMerkleCheck.MAX_MAPS)
            throw new Mismatch("more than " + BmffMerkleCheck.MAX_MAPS + " Merkle trees (limit)");
        List<Map> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode n : list) {
            Map m = map(n, alg);
            if (!seen.add(m.uniqueId() + "/" + m.localId())) throw new Mismatch("two " + m.name() + " entries");
            out.add(m);
        }
        return out;
    }

    private static Map map(JsonNode n, String claimAlg) throws Mismatch {
        if (!n.isObject()) throw new Mismatch("a merkle-map is not a map");
        long uniqueId = id(n, "uniqueId"), localId = id(n, "localId"), count = id(n, "count");
        String name = "Merkle tree uniqueId " + uniqueId + "/localId " + localId;
        if (set(n, "fixedBlockSize") || set(n, "variableBlockSizes")) {
            throw new Mismatch(name
                    + " hashes 'mdat' blocks (fixedBlockSize/variableBlockSizes), which this reader does not verify");
        }
        if (count < 1 || count > BmffMerkleCheck.MAX_LEAVES)
            throw new Mismatch(name + ": count " + count + " outside 1.." + BmffMerkleCheck.MAX_LEAVES);
        String alg = Cbor.text(n, "alg").isEmpty() ? claimAlg : Cbor.text(n, "alg");
        MessageDigest md = Hashing.digest(alg)
                .orElseThrow(() -> new Mismatch(name + ": unsupported hash algorithm '" + alg + "'"));
        List<byte[]> row = hashList(n.get("hashes"), name + " hashes", BmffMerkleCheck.MAX_LEAVES);
        if (row.isEmpty() || !widths((int) count).contains(row.size()))
            throw new Mismatch(name + ": " + row.size() + " hashes is no row of a tree of " + count + " leaves");
        for (byte[] h : row)
            if (h.length != md.getDigestLength())
                throw new Mismatch(name + ": a row hash is " + h.length + " bytes, not " + md.getDigestLength());
        Optional<byte[]> init = Cbor.bytes(n.get("initHash"));
        if (set(n, "initHash") && (init.isEmpty() || init.get().length != md.getDigestLength()))
            throw new Mismatch(name + ": initHash is not a " + alg + " hash");
        return new Map(uniqueId, localId, (int) count, alg, init, row);
    }

    /** The proofs in the asset's top-level C2PA {@code uuid} boxes of purpose {@code merkle}, in file order (A.5). */
    static List<Proof> proofs(MediaSource src, List<BmffBoxes.Box> top) throws IOException, Mismatch {
        List<Proof> out = new ArrayList<>();
        for (BmffBoxes.Box b : StoreLocator.c2paBoxes(src, top)) {
            if (b.end() - b.payloadOffset() < 11) continue;
            if (!Bytes.startsWith(src.read(b.payloadOffset(), 11), 4, "merkle\0")) continue;
            long len = b.end() - b.payloadOffset() - 11;
            if (len > MAX_PROOF_BOX)
                throw new Mismatch("'merkle' uuid box at offset " + b.offset() + " is larger than " + MAX_PROOF_BOX
                        + " bytes (limit)");
            JsonNode n;
            try {
                n = Cbor.read(
                        src.read(b.payloadOffset() + 11, (int) len),
                        0,
                        (int) len,
                        "'merkle' uuid box at offset " + b.offset());
            } catch (C2paException e) {
                throw new Mismatch(e.getMessage());
            }
            if (!n.isObject()) throw new Mismatch("'merkle' uuid box at offset " + b.offset() + " does not hold a map");
            List<byte[]> hashes = set(n, "hashes")
                    ? hashList(n.get("hashes"), "proof at offset " + b.offset(), MAX_PROOF)
                    : List.of();
            out.add(new Proof(id(n, "uniqueId"), id(n, "localId"), id(n, "location"), hashes));
        }
        return out;
    }

    private static List<byte[]> hashList(JsonNode n, String what, int limit) throws Mismatch {
        if (n == null || !n.isArray()) throw new Mismatch(what + " is not an array of hashes");
        if (n.size() > limit) throw new Mismatch(what + ": more than " + limit + " hashes (limit)");
        List<byte[]> out = new ArrayList<>();
        for (JsonNode h : n)
            out.add(Cbor.bytes(h).orElseThrow(() -> new Mismatch(what + " holds a value that is not a byte string")));
        return out;
    }

    private static long id(JsonNode n, String field) throws Mismatch {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0)
            throw new Mismatch("'" + field + "' must be a non-negative integer");
        return v.asLong();
    }

    private static boolean set(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull();
    }
}

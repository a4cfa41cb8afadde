package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;

/**
 * The {@code merkle} field of {@code c2pa.hash.bmff} v2/v3 for fragmented BMFF (C2PA 2.2 §18.6.4):
 * each {@code merkle-map} anchors one row of a Merkle tree whose leaves are the fragments (a
 * {@code moof} and every top-level box up to the next {@code moof}) hashed like the whole file, with
 * the same exclusions and box offsets; {@code initHash} binds what precedes the first {@code moof}.
 * Each fragment carries its proof in a C2PA {@code uuid} box of purpose {@code merkle} (A.5).
 * Every failure is {@code assertion.bmffHash.mismatch}, as the reference SDK reports them.
 */
final class BmffMerkleCheck {
    static final int MAX_MAPS = 64, MAX_LEAVES = 1 << 16;

    private BmffMerkleCheck() {}

    /** Why a Merkle-hashed asset does not verify; the message names the place. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    /** All fragments of one file (a fragmented MP4 holding its init segment and every fragment). */
    static BmffHashCheck.Outcome check(JsonNode merkle, String alg, BmffHashCheck.Plan plan, MediaSource src)
            throws IOException {
        try {
            List<MerkleTree.Map> maps = MerkleTree.maps(merkle, alg);
            List<Hashing.Range> fragments = fragments(plan.top(), src.size());
            if (fragments.isEmpty()) {
                throw new Mismatch(
                        "a Merkle tree binds movie fragments but the asset has no 'moof' box (fragments kept as separate segment files "
                                + "are verified one by one with their init segment)");
            }
            List<MerkleTree.Proof> proofs = MerkleTree.proofs(src, plan.top());
            for (MerkleTree.Map m : maps) verify(m, plan, src, fragments, proofs);
            return new BmffHashCheck.Outcome(
                    true,
                    "data hash valid (" + fragments.size() + " fragments in Merkle tree" + (maps.size() > 1 ? "s" : "")
                            + ")");
        } catch (Mismatch e) {
            return new BmffHashCheck.Outcome(false, e.getMessage());
        }
    }

    private static void verify(
            MerkleTree.Map m,
            BmffHashCheck.Plan plan,
            MediaSource src,
            List<Hashing.Range> fragments,
            List<MerkleTree.Proof> all)
            throws IOException, Mismatch {
        MessageDigest md = Hashing.digest(m.alg()).orElseThrow();
        if (m.initHash().isPresent()) {
            byte[] got = hash(plan.window(md, src, 0, fragments.get(0).start()));
            if (!MessageDigest.isEqual(got, m.initHash().get()))
                throw new Mismatch("init segment hash (initHash) mismatch for " + m.name());
        }
        List<MerkleTree.Proof> mine = all.stream()
                .filter(p -> p.uniqueId() == m.uniqueId() && p.localId() == m.localId())
                .toList();
        if (m.count() != fragments.size())
            throw new Mismatch(
                    m.name() + " has count " + m.count() + " but the asset has " + fragments.size() + " fragments");
        if (mine.size() != m.count())
            throw new Mismatch(
                    m.name() + " needs " + m.count() + " fragment proofs ('merkle' uuid boxes), found " + mine.size());
        for (int i = 0; i < fragments.size(); i++) {
            MerkleTree.Proof p = mine.get(i);
            // Leaf i is fragment i in file order: a proof for another leaf means fragments were moved.
            if (p.location() != i)
                throw new Mismatch("fragment " + i + " carries the proof for leaf " + p.location() + " of " + m.name()
                        + " (fragments reordered?)");
            Hashing.Range f = fragments.get(i);
            byte[] leaf = hash(plan.window(md, src, f.start(), f.end()));
            if (!MerkleTree.proves(m, leaf, p))
                throw new Mismatch(
                        "fragment " + i + " ('moof' at offset " + f.start() + ") does not match " + m.name());
        }
    }

    /**
     * One fragment kept as its own file (DASH/HLS segment) with the init segment it belongs to: the
     * init segment hashes whole under the exclusions, the fragment whole too, with offsets within its own
     * file; the fragment's proof box names its leaf.
     */
    static BmffHashCheck.Outcome segment(
            JsonNode a, int version, String claimAlg, MediaSource init, MediaSource fragment) throws IOException {
        String alg = Cbor.text(a, "alg").isEmpty() ? claimAlg : Cbor.text(a, "alg");
        try {
            if (Cbor.bytes(a.get("hash")).isPresent())
                throw new Mismatch("a file-level hash must not be present for a fragmented asset split into segments");
            List<MerkleTree.Map> maps = MerkleTree.maps(a.get("merkle"), alg);
            BmffHashCheck.Plan ip = BmffHashCheck.plan(a, version, init), fp = BmffHashCheck.plan(a, version, fragment);
            List<MerkleTree.Proof> proofs = MerkleTree.proofs(fragment, fp.top());
            if (proofs.isEmpty()) throw new Mismatch("the fragment has no 'merkle' uuid box");
            for (MerkleTree.Proof p : proofs) {
                MerkleTree.Map m = maps.stream()
                        .filter(x -> x.uniqueId() == p.uniqueId() && x.localId() == p.localId())
                        .findFirst()
                        .orElseThrow(() -> new Mismatch("the fragment's proof names uniqueId " + p.uniqueId()
                                + "/localId " + p.localId() + ", which no Merkle tree has"));
                MessageDigest md = Hashing.digest(m.alg()).orElseThrow();
                if (m.initHash().isPresent()
                        && !MessageDigest.isEqual(
                                hash(ip.window(md, init, 0, init.size())),
                                m.initHash().get())) {
                    throw new Mismatch("init segment hash (initHash) mismatch for " + m.name());
                }
                if (!MerkleTree.proves(m, hash(fp.window(md, fragment, 0, fragment.size())), p))
                    throw new Mismatch("the fragment does not match " + m.name());
            }
            return new BmffHashCheck.Outcome(true, "data hash valid (fragment leaf of the Merkle tree)");
        } catch (Mismatch e) {
            return new BmffHashCheck.Outcome(false, e.getMessage());
        } catch (BmffBoxes.BoxException e) {
            return new BmffHashCheck.Outcome(false, "asset box structure is invalid: " + e.getMessage());
        }
    }

    /** Fragments: from each top-level {@code moof} to the next one, the last to the end of the file (trailing bytes stay bound). */
    static List<Hashing.Range> fragments(List<BmffBoxes.Box> top, long size) {
        List<Hashing.Range> out = new ArrayList<>();
        long start = -1;
        for (BmffBoxes.Box b : top) {
            if (!b.type().equals("moof")) continue;
            if (start >= 0) out.add(new Hashing.Range(start, b.offset()));
            start = b.offset();
        }
        if (start >= 0) out.add(new Hashing.Range(start, size));
        return out;
    }

    private static byte[] hash(Optional<byte[]> h) throws Mismatch {
        return h.orElseThrow(() -> new Mismatch("exclusions run past the end of the asset"));
    }
}

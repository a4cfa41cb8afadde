package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pramaan.media.MediaSource;
import org.pramaan.testing.SharedTestData;

/** Merkle-tree BMFF hashes (C2PA 2.2 §18.6.4) over fragmented MP4s built by {@link MerkleFixture}. */
class BmffMerkleCheckTest {
    @ParameterizedTest(name = "{0} fragments, stored row {1}")
    @CsvSource({"1,0", "2,1", "5,3", "5,1", "8,3", "7,0"})
    void aValidFragmentedFileMatches(int n, int level) throws Exception {
        MerkleFixture f = MerkleFixture.build(n, level);
        BmffHashCheck.Outcome o = check(f.assertion(), f.file());
        assertThat(o.match()).as(o.explanation()).isTrue();
    }

    @Test
    void aTamperedFragmentIsAMismatchNamingIt() throws Exception {
        MerkleFixture f = MerkleFixture.build(5, 3);
        byte[] file = f.file().clone();
        file[(int) f.fragments().get(2)[2] + 12] ^= 1; // a byte inside fragment 2's mdat
        assertThat(check(f.assertion(), file))
                .isEqualTo(new BmffHashCheck.Outcome(
                        false,
                        "fragment 2 ('moof' at offset " + f.fragments().get(2)[0]
                                + ") does not match Merkle tree uniqueId 1/localId 1"));
    }

    @Test
    void aTamperedInitSegmentIsAMismatch() throws Exception {
        MerkleFixture f = MerkleFixture.build(5, 3);
        byte[] file = f.file().clone();
        file[28 + 10] ^= 1; // inside moov, right after the 28-byte ftyp
        assertThat(check(f.assertion(), file).explanation())
                .isEqualTo("init segment hash (initHash) mismatch for Merkle tree uniqueId 1/localId 1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTamperedProofOrRowIsAMismatch() throws Exception {
        MerkleFixture f = MerkleFixture.build(5, 3);
        byte[] file = f.file().clone();
        long fragmentEnd = f.fragments().get(1)[3];
        file[(int) fragmentEnd + 8 + 16 + 4 + 7 + 40] ^= 1; // inside the first sibling hash of fragment 1's proof box
        assertThat(check(f.assertion(), file).explanation()).startsWith("fragment 1 ");
        Map<String, Object> bad = f.assertion();
        ((List<byte[]>) merkleMap(bad).get("hashes")).get(0)[0] ^= 1;
        assertThat(check(bad, f.file()).explanation()).startsWith("fragment 0 ");
    }

    @Test
    void swappedFragmentsAreCaughtEvenWithTheirProofs() throws Exception {
        MerkleFixture f = MerkleFixture.build(4, 2);
        long[] a = f.fragments().get(1), b = f.fragments().get(2);
        long aEnd = b[0], bEnd = f.fragments().get(3)[0];
        byte[] x = f.file(), y = new byte[x.length];
        System.arraycopy(x, 0, y, 0, (int) a[0]);
        System.arraycopy(x, (int) b[0], y, (int) a[0], (int) (bEnd - b[0]));
        System.arraycopy(x, (int) a[0], y, (int) (a[0] + bEnd - b[0]), (int) (aEnd - a[0]));
        System.arraycopy(x, (int) bEnd, y, (int) bEnd, x.length - (int) bEnd);
        assertThat(check(f.assertion(), y).explanation())
                .isEqualTo(
                        "fragment 1 carries the proof for leaf 2 of Merkle tree uniqueId 1/localId 1 (fragments reordered?)");
    }

    @Test
    void aMissingProofBoxOrFragmentIsAMismatch() throws Exception {
        MerkleFixture f = MerkleFixture.build(3, 2);
        long proofAt = f.fragments().get(0)[3], proofEnd = f.fragments().get(1)[0];
        byte[] x = f.file(), y = new byte[x.length - (int) (proofEnd - proofAt)];
        System.arraycopy(x, 0, y, 0, (int) proofAt);
        System.arraycopy(x, (int) proofEnd, y, (int) proofAt, x.length - (int) proofEnd);
        assertThat(check(f.assertion(), y).explanation())
                .isEqualTo("Merkle tree uniqueId 1/localId 1 needs 3 fragment proofs ('merkle' uuid boxes), found 2");
        merkleMap(f.assertion()).put("count", 4);
        assertThat(check(f.assertion(), x).explanation())
                .isEqualTo("Merkle tree uniqueId 1/localId 1 has count 4 but the asset has 3 fragments");
    }

    @Test
    void malformedAndOverLimitMapsGetClearErrors() throws Exception {
        MerkleFixture f = MerkleFixture.build(2, 1);
        merkleMap(f.assertion()).put("count", BmffMerkleCheck.MAX_LEAVES + 1);
        assertThat(check(f.assertion(), f.file()).explanation())
                .isEqualTo("Merkle tree uniqueId 1/localId 1: count 65537 outside 1..65536");
        f = MerkleFixture.build(2, 1);
        merkleMap(f.assertion()).put("hashes", List.of(new byte[32], new byte[32], new byte[32]));
        assertThat(check(f.assertion(), f.file()).explanation())
                .isEqualTo("Merkle tree uniqueId 1/localId 1: 3 hashes is no row of a tree of 2 leaves");
        f = MerkleFixture.build(2, 1);
        merkleMap(f.assertion()).put("fixedBlockSize", 1024);
        assertThat(check(f.assertion(), f.file()).explanation())
                .contains("fixedBlockSize/variableBlockSizes")
                .contains("does not verify");
        f = MerkleFixture.build(2, 1);
        f.assertion().put("merkle", List.of(merkleMap(f.assertion()), merkleMap(f.assertion())));
        assertThat(check(f.assertion(), f.file()).explanation())
                .isEqualTo("two Merkle tree uniqueId 1/localId 1 entries");
        f = MerkleFixture.build(2, 1);
        f.assertion().put("merkle", "not a list");
        assertThat(check(f.assertion(), f.file()).explanation())
                .isEqualTo("'merkle' must be a non-empty array of merkle-maps");
    }

    @Test
    void anOverlongProofIsRejectedByTheLimit() throws Exception {
        MerkleFixture f = MerkleFixture.build(2, 1);
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i <= MerkleTree.MAX_PROOF; i++) many.add(new byte[32]);
        byte[] proof = MerkleFixture.merkleBox(
                CborEncoder.encode(Map.of("uniqueId", 1, "localId", 1, "location", 0, "hashes", many)));
        byte[] x = f.file();
        int at = (int) f.fragments().get(0)[3], end = (int) f.fragments().get(1)[0];
        byte[] y = concat(Arrays.copyOfRange(x, 0, at), proof, Arrays.copyOfRange(x, end, x.length));
        assertThat(check(f.assertion(), y).explanation())
                .isEqualTo("proof at offset " + at + ": more than 64 hashes (limit)");
    }

    @Test
    void aMerkleTreeWithoutFragmentsIsAMismatch() throws Exception {
        MerkleFixture f = MerkleFixture.build(2, 1);
        byte[] initOnly = Arrays.copyOfRange(f.file(), 0, (int) f.fragments().get(0)[0]);
        assertThat(check(f.assertion(), initOnly).explanation())
                .startsWith("a Merkle tree binds movie fragments but the asset has no 'moof' box");
    }

    @Test
    void aFlatHashIsCheckedBeforeTheTree() throws Exception {
        MerkleFixture f = MerkleFixture.build(3, 2);
        f.assertion().put("hash", new byte[32]);
        assertThat(check(f.assertion(), f.file()).explanation()).isEqualTo("BMFF file level hash mismatch");
    }

    /** dashinit.mp4 (c2pa-rs fixture; its fragments dash1..11.m4s were not copied): the init-segment rule against real data. */
    @Test
    void theReferenceInitSegmentHashesAsItsInitHash() throws Exception {
        byte[] init = Files.readAllBytes(SharedTestData.folder("c2pa").resolve("fixtures/dashinit.mp4"));
        byte[] store = StoreLocator.locate(MediaSource.of(init)).store().orElseThrow();
        JsonNode a = bmffAssertion(store);
        byte[] want = a.get("merkle").get(0).get("initHash").binaryValue();
        BmffHashCheck.Plan plan = BmffHashCheck.plan(a, 2, MediaSource.of(init));
        byte[] got = plan.window(Hashing.digest("sha256").orElseThrow(), MediaSource.of(init), 0, init.length)
                .orElseThrow();
        assertThat(got).isEqualTo(want);
        assertThat(BmffHashCheck.check(a, 2, "sha256", MediaSource.of(init)).explanation())
                .contains("no 'moof' box");
    }

    private static JsonNode bmffAssertion(byte[] store) throws Exception {
        int i = indexOf(store, "c2pa.hash.bmff".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int c = indexOf(
                        Arrays.copyOfRange(store, i, store.length),
                        "cbor".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + i;
        int size = java.nio.ByteBuffer.wrap(store, c - 4, 4).getInt();
        return Cbor.read(store, c + 4, size - 8, "bmff hash");
    }

    private static int indexOf(byte[] h, byte[] n) {
        outer:
        for (int i = 0; i + n.length <= h.length; i++) {
            for (int k = 0; k < n.length; k++) if (h[i + k] != n[k]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merkleMap(Map<String, Object> a) {
        return (Map<String, Object>) ((List<Object>) a.get("merkle")).get(0);
    }

    private static BmffHashCheck.Outcome check(Map<String, Object> assertion, byte[] file) throws Exception {
        byte[] cbor = CborEncoder.encode(assertion);
        return BmffHashCheck.check(Cbor.read(cbor, 0, cbor.length, "test"), 3, "sha256", MediaSource.of(file));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}

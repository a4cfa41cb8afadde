package org.pramaan.provenance.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fragmented MP4 ({@code ftyp moov (moof mdat uuid[merkle])* mfra}) with its {@code c2pa.hash.bmff.v3}
 * Merkle assertion, computed here independently of the reader: each leaf is
 * {@code sha256(offset(moof) ‖ moof ‖ offset(mdat) ‖ mdat)} (the proof box is excluded as a C2PA uuid),
 * the init hash {@code sha256(offset(moov) ‖ moov)} (ftyp excluded), and the tree is built row by row.
 */
record MerkleFixture(byte[] file, Map<String, Object> assertion, List<long[]> fragments) {
    static final byte[] C2PA_UUID = HexFormat.of().parseHex(StoreLocator.C2PA_UUID);

    /** {@code n} fragments; the assertion stores the tree row {@code level} rows above the leaves. */
    static MerkleFixture build(int n, int level) {
        List<List<byte[]>> dummyRows = rows(dummyLeaves(n));
        byte[] first = layout(n, i -> proof(dummyRows, i, level), new ArrayList<>());
        List<long[]> frags = new ArrayList<>();
        layout(n, i -> proof(dummyRows, i, level), frags);
        List<byte[]> leaves = new ArrayList<>();
        for (long[] f : frags) leaves.add(sha(first, f[0], f[1], f[2], f[3]));
        List<List<byte[]>> rows = rows(leaves);
        byte[] file = layout(n, i -> proof(rows, i, level), new ArrayList<>());
        if (file.length != first.length) throw new IllegalStateException("proof boxes changed size");
        long moov = box("ftyp", new byte[20]).length;
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("uniqueId", 1);
        mm.put("localId", 1);
        mm.put("count", n);
        mm.put("alg", "sha256");
        mm.put("initHash", sha(file, moov, moov + moovBox().length, -1, -1));
        mm.put("hashes", rows.get(level));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(
                "exclusions",
                List.of(
                        Map.of("xpath", "/uuid", "data", List.of(Map.of("offset", 8, "value", C2PA_UUID))),
                        Map.of("xpath", "/ftyp"),
                        Map.of("xpath", "/mfra")));
        a.put("alg", "sha256");
        a.put("merkle", new ArrayList<>(List.of(mm)));
        a.put("name", "jumbf manifest");
        return new MerkleFixture(file, a, frags);
    }

    /** The file; {@code frags} receives {moof offset, moof end, mdat offset, mdat end} per fragment. */
    private static byte[] layout(int n, java.util.function.IntFunction<Map<String, Object>> proof, List<long[]> frags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(box("ftyp", new byte[20]));
        out.writeBytes(moovBox());
        for (int i = 0; i < n; i++) {
            byte[] moof = box("moof", ("fragment header " + i).getBytes(StandardCharsets.US_ASCII));
            byte[] mdat = box(
                    "mdat", ("sample data of fragment " + i + " ").repeat(3 + i).getBytes(StandardCharsets.US_ASCII));
            long at = out.size();
            frags.add(new long[] {at, at + moof.length, at + moof.length, at + moof.length + mdat.length});
            out.writeBytes(moof);
            out.writeBytes(mdat);
            out.writeBytes(merkleBox(CborEncoder.encode(proof.apply(i))));
        }
        out.writeBytes(box("mfra", new byte[16]));
        return out.toByteArray();
    }

    static byte[] moovBox() {
        return box("moov", "init segment: track and sample descriptions".getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.US_ASCII))
                .put(payload)
                .array();
    }

    static byte[] merkleBox(byte[] cbor) {
        byte[] purpose = "merkle\0".getBytes(StandardCharsets.US_ASCII);
        return box(
                "uuid",
                ByteBuffer.allocate(16 + 4 + purpose.length + cbor.length)
                        .put(C2PA_UUID)
                        .putInt(0)
                        .put(purpose)
                        .put(cbor)
                        .array());
    }

    /** The sibling path of leaf {@code i} up to row {@code level}: a node with no right sibling moves up unchanged. */
    private static Map<String, Object> proof(List<List<byte[]>> rows, int i, int level) {
        List<byte[]> path = new ArrayList<>();
        int index = i;
        for (int r = 0; r < level; r++) {
            int sib = index ^ 1;
            if (sib < rows.get(r).size()) path.add(rows.get(r).get(sib));
            index /= 2;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uniqueId", 1);
        p.put("localId", 1);
        p.put("location", i);
        p.put("hashes", path);
        return p;
    }

    static List<List<byte[]>> rows(List<byte[]> leaves) {
        List<List<byte[]>> rows = new ArrayList<>(List.of(leaves));
        while (rows.get(rows.size() - 1).size() > 1) {
            List<byte[]> prev = rows.get(rows.size() - 1), next = new ArrayList<>();
            for (int k = 0; k < prev.size(); k += 2)
                next.add(k + 1 < prev.size() ? sha2(prev.get(k), prev.get(k + 1)) : prev.get(k));
            rows.add(next);
        }
        return rows;
    }

    private static List<byte[]> dummyLeaves(int n) {
        List<byte[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(new byte[32]);
        return l;
    }

    /** sha256 of offset(a) ‖ file[a, aEnd) and, when b ≥ 0, offset(b) ‖ file[b, bEnd). */
    static byte[] sha(byte[] file, long a, long aEnd, long b, long bEnd) {
        MessageDigest md = md();
        md.update(ByteBuffer.allocate(8).putLong(a).array());
        md.update(file, (int) a, (int) (aEnd - a));
        if (b >= 0) {
            md.update(ByteBuffer.allocate(8).putLong(b).array());
            md.update(file, (int) b, (int) (bEnd - b));
        }
        return md.digest();
    }

    private static byte[] sha2(byte[] l, byte[] r) {
        MessageDigest md = md();
        md.update(l);
        md.update(r);
        return md.digest();
    }

    private static MessageDigest md() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

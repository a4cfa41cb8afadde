package org.pramaan.provenance.c2pa;

import java.util.ArrayList;
import java.util.List;

/** CBOR and COSE seeds cut out of real manifest stores: the content of their cbor and signature boxes. */
public final class C2paSeeds {
    private C2paSeeds() {}

    public static List<byte[]> cborBoxes(List<byte[]> stores) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] s : stores) collect(s, parse(s), "cbor", out, 12);
        return out;
    }

    /** Claim signatures: the cbor box inside a c2cs superbox. */
    public static List<byte[]> signatures(List<byte[]> stores) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] s : stores) {
            Jumbf.Box root = parse(s);
            if (root == null) continue;
            for (Jumbf.Box m : root.superChildren())
                for (Jumbf.Box c : m.superChildren()) {
                    if (c.typeCode().equals("c2cs"))
                        c.content().ifPresent(b -> out.add(java.util.Arrays.copyOfRange(s, b.contentStart(), b.end())));
                }
        }
        return out;
    }

    private static Jumbf.Box parse(byte[] s) {
        try {
            return Jumbf.parseStore(s);
        } catch (C2paException e) {
            return null;
        }
    }

    private static void collect(byte[] s, Jumbf.Box b, String type, List<byte[]> out, int max) {
        if (b == null || out.size() >= max) return;
        if (b.type().equals(type) && b.contentLength() <= 8192)
            out.add(java.util.Arrays.copyOfRange(s, b.contentStart(), b.end()));
        for (Jumbf.Box c : b.children()) collect(s, c, type, out, max);
    }
}

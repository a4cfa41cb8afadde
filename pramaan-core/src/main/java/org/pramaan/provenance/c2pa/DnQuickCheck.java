package org.pramaan.provenance.c2pa;

/**
 * A cheap, one-sided test that two DER-encoded X.500 names are different names under RFC 5280 §7.1 /
 * RFC 4518 matching as the JDK applies it ({@code X500Principal.equals}: the RFC 2253 canonical strings
 * compared after lowercasing and NFKD). Canonicalising loads the JDK's ICU normaliser data, a visible
 * share of a one-file {@code c2pa verify} (issue 18, CLI start), and the TSA chain walk asks "is this the
 * issuer?" of names that plainly differ.
 *
 * <p>Why the test is sound: for a name whose attributes are only CN, C, L, ST, STREET, O, OU (the
 * JDK's RFC 2253 keywords for OIDs 2.5.4.3/6/7/8/9/10/11) with PrintableString or UTF8String values of
 * ASCII bytes, the JDK's canonical string is those keywords and values lowercased, with spaces collapsed
 * and backslashes added: NFKD leaves ASCII alone and none of those steps adds, drops or changes a letter
 * or digit (hex escaping only applies to other types, which are refused here). So equal canonical
 * strings have equal counts of each letter and digit; different counts mean different names. Any
 * other shape answers "not sure" and the caller canonicalises as before.
 */
final class DnQuickCheck {
    private DnQuickCheck() {}

    /** True only when {@code a} and {@code b} are certainly different names; false means "ask equals". */
    static boolean surelyDifferent(byte[] a, byte[] b) {
        int[] ca = alnumCounts(a);
        if (ca == null) return false;
        int[] cb = alnumCounts(b);
        return cb != null && !java.util.Arrays.equals(ca, cb);
    }

    /** Letter/digit counts (lowercased) of the keywords and values, or null when the name is of another shape. */
    static int[] alnumCounts(byte[] der) {
        int[] counts = new int[128];
        int[] pos = {0};
        int nameEnd = open(der, pos, 0x30, der.length);
        if (nameEnd != der.length) return null;
        while (pos[0] < nameEnd) {
            int rdnEnd = open(der, pos, 0x31, nameEnd);
            if (rdnEnd < 0 || rdnEnd == pos[0]) return null;
            while (pos[0] < rdnEnd) {
                int avaEnd = open(der, pos, 0x30, rdnEnd);
                if (avaEnd < 0) return null;
                int oidEnd = open(der, pos, 0x06, avaEnd);
                if (oidEnd != pos[0] + 3 || der[pos[0]] != 0x55 || der[pos[0] + 1] != 0x04) return null;
                String keyword = keyword(der[pos[0] + 2]);
                if (keyword == null) return null;
                pos[0] = oidEnd;
                int tag = pos[0] < avaEnd ? der[pos[0]] : -1;
                if (tag != 0x13 && tag != 0x0c) return null; // PrintableString, UTF8String: the canonical string forms
                int valueEnd = open(der, pos, tag, avaEnd);
                if (valueEnd != avaEnd) return null;
                for (int i = 0; i < keyword.length(); i++) counts[keyword.charAt(i)]++;
                for (int i = pos[0]; i < valueEnd; i++) {
                    int c = der[i];
                    if (c < 0) return null; // non-ASCII: NFKD and Unicode case mapping could change it
                    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) counts[c]++;
                }
                pos[0] = avaEnd;
            }
        }
        return counts;
    }

    /** The JDK's RFC 2253 keyword, lowercased, for attribute 2.5.4.{@code arc}, or null for any other. */
    private static String keyword(byte arc) {
        return switch (arc) {
            case 3 -> "cn";
            case 6 -> "c";
            case 7 -> "l";
            case 8 -> "st";
            case 9 -> "street";
            case 10 -> "o";
            case 11 -> "ou";
            default -> null;
        };
    }

    /**
     * Reads the tag (which must be {@code tag}) and a definite DER length (at most two length bytes) at
     * {@code pos}, moves {@code pos} to the content and returns where the content ends, or -1 when the
     * element is of another tag or runs past {@code limit}.
     */
    private static int open(byte[] der, int[] pos, int tag, int limit) {
        int p = pos[0];
        if (p + 2 > limit || (der[p] & 0xff) != tag) return -1;
        int first = der[p + 1] & 0xff;
        p += 2;
        int len;
        if (first < 0x80) len = first;
        else if (first == 0x81 && p + 1 <= limit) len = der[p++] & 0xff;
        else if (first == 0x82 && p + 2 <= limit) {
            len = ((der[p] & 0xff) << 8) | (der[p + 1] & 0xff);
            p += 2;
        } else return -1;
        if (len > limit - p) return -1;
        pos[0] = p;
        return p + len;
    }
}

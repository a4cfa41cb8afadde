package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/**
 * {@link CertChecks#sameName}: the byte-identical and {@link DnQuickCheck} shortcuts never change what
 * {@code X500Principal.equals} answers.
 */
class CertChecksNameTest {
    /** SEQUENCE { SET { SEQUENCE { OID 2.5.4.3 (CN), <type> value } } } with the value's string type given. */
    private static X500Principal cn(int stringTag, String value) {
        return name(List.of(List.of(new int[] {3, stringTag})), List.of(value));
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length < 0x80) out.write(content.length);
        else if (content.length < 0x100) {
            out.write(0x81);
            out.write(content.length);
        } else {
            out.write(0x82);
            out.write(content.length >> 8);
            out.write(content.length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** RDNs of AVAs {attribute arc under 2.5.4, value tag}; values taken in order from {@code values}. */
    private static X500Principal name(List<List<int[]>> rdns, List<String> values) {
        ByteArrayOutputStream seq = new ByteArrayOutputStream();
        int v = 0;
        for (List<int[]> rdn : rdns) {
            ByteArrayOutputStream set = new ByteArrayOutputStream();
            for (int[] ava : rdn) {
                byte[] oid = tlv(0x06, new byte[] {0x55, 0x04, (byte) ava[0]});
                byte[] value = tlv(ava[1], values.get(v++).getBytes(StandardCharsets.UTF_8));
                ByteArrayOutputStream a = new ByteArrayOutputStream();
                a.writeBytes(oid);
                a.writeBytes(value);
                set.writeBytes(tlv(0x30, a.toByteArray()));
            }
            seq.writeBytes(tlv(0x31, set.toByteArray()));
        }
        return new X500Principal(tlv(0x30, seq.toByteArray()));
    }

    @Test
    void agreesWithEqualsOnSameDifferentlyEncodedAndDifferentNames() {
        X500Principal printable = cn(0x13, "Test CA");
        X500Principal utf8 = cn(0x0c, "Test CA");
        X500Principal upper = cn(0x0c, "TEST  CA");
        X500Principal other = cn(0x0c, "Other CA");
        X500Principal[] all = {printable, utf8, upper, other, cn(0x13, "Test CA")};
        for (X500Principal a : all)
            for (X500Principal b : all)
                assertThat(CertChecks.sameName(a, b)).as("%s vs %s", a, b).isEqualTo(a.equals(b));
        // The cases the shortcuts do not decide are still matched by RFC 5280 §7.1 rules.
        assertThat(printable.getEncoded()).isNotEqualTo(utf8.getEncoded());
        assertThat(CertChecks.sameName(printable, utf8)).isTrue();
        assertThat(CertChecks.sameName(utf8, upper)).isTrue();
        assertThat(CertChecks.sameName(utf8, other)).isFalse();
        assertThat(DnQuickCheck.surelyDifferent(utf8.getEncoded(), other.getEncoded()))
                .isTrue();
        assertThat(DnQuickCheck.surelyDifferent(utf8.getEncoded(), upper.getEncoded()))
                .isFalse();
    }

    /**
     * Random names over few letters, so that many pairs are equal only after case folding, space
     * collapsing or reordering within a multi-valued RDN; with other attributes, IA5/BMP values, non-ASCII
     * text and escapable characters that the quick check must leave to {@code equals}.
     */
    @Test
    void quickCheckNeverContradictsEqualsOnRandomNames() {
        Random random = new Random(18);
        int[] arcs = {3, 6, 7, 8, 9, 10, 11, 5, 12, 46};
        int[] tags = {0x13, 0x0c, 0x0c, 0x16, 0x1e};
        String[] pieces = {"a", "A", "b", "B", "1", " ", "  ", ",", "+", "#", "é", "\\", "ß", "ﬁ"};
        List<X500Principal> names = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            List<List<int[]>> rdns = new ArrayList<>();
            List<String> values = new ArrayList<>();
            int rdnCount = 1 + random.nextInt(3);
            for (int r = 0; r < rdnCount; r++) {
                List<int[]> rdn = new ArrayList<>();
                int avaCount = 1 + (random.nextInt(4) == 0 ? 1 : 0);
                for (int k = 0; k < avaCount; k++) {
                    int tag = tags[random.nextInt(random.nextInt(3) == 0 ? tags.length : 3)];
                    rdn.add(new int[] {arcs[random.nextInt(random.nextInt(4) == 0 ? arcs.length : 3)], tag});
                    StringBuilder v = new StringBuilder();
                    int len = 1 + random.nextInt(3);
                    for (int i = 0; i < len; i++)
                        v.append(pieces[random.nextInt(random.nextInt(4) == 0 ? pieces.length : 6)]);
                    if (tag == 0x1e) v.setLength(0); // BMPString: keep it empty-safe (UTF-16 would need other bytes)
                    if (tag == 0x1e) v.append("ab");
                    values.add(v.toString());
                }
                rdns.add(rdn);
            }
            try {
                names.add(name(rdns, values));
            } catch (IllegalArgumentException e) {
                // a combination the JDK refuses to parse: not a name a certificate could carry here
            }
        }
        int equalButDifferentBytes = 0;
        int quickDifferent = 0;
        for (X500Principal a : names)
            for (X500Principal b : names) {
                boolean eq = a.equals(b);
                assertThat(CertChecks.sameName(a, b)).as("%s vs %s", a, b).isEqualTo(eq);
                if (DnQuickCheck.surelyDifferent(a.getEncoded(), b.getEncoded())) {
                    quickDifferent++;
                    assertThat(eq)
                            .as("quick check said different: %s vs %s", a, b)
                            .isFalse();
                }
                if (eq && !java.util.Arrays.equals(a.getEncoded(), b.getEncoded())) equalButDifferentBytes++;
            }
        // The sample exercises both shortcuts and the canonical fallback.
        assertThat(quickDifferent).isGreaterThan(1000);
        assertThat(equalButDifferentBytes).isGreaterThan(10);
    }

    @Test
    void malformedOrOtherShapesAreNeverCalledDifferent() {
        byte[] good = cn(0x0c, "Test CA").getEncoded();
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        assertThat(DnQuickCheck.alnumCounts(truncated)).isNull();
        assertThat(DnQuickCheck.alnumCounts(new byte[0])).isNull();
        assertThat(DnQuickCheck.alnumCounts(new byte[] {0x30, (byte) 0x84, 0, 0, 0, 0}))
                .isNull();
        assertThat(DnQuickCheck.surelyDifferent(truncated, cn(0x0c, "Other").getEncoded()))
                .isFalse();
        assertThat(DnQuickCheck.alnumCounts(cn(0x16, "ia5").getEncoded())).isNull();
        assertThat(DnQuickCheck.alnumCounts(cn(0x0c, "café").getEncoded())).isNull();
        assertThat(DnQuickCheck.alnumCounts(good)).isNotNull();
    }
}

package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** {@link CertChecks#sameName}: the byte-identical shortcut never changes what {@code X500Principal.equals} answers. */
class CertChecksNameTest {
    /** SEQUENCE { SET { SEQUENCE { OID 2.5.4.3 (CN), <type> "Test CA" } } } with the value's string type given. */
    private static X500Principal cn(int stringTag, String value) {
        byte[] v = value.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] atv = concat(new byte[] {0x06, 0x03, 0x55, 0x04, 0x03, (byte) stringTag, (byte) v.length}, v);
        byte[] seq = concat(new byte[] {0x30, (byte) atv.length}, atv);
        byte[] set = concat(new byte[] {0x31, (byte) seq.length}, seq);
        return new X500Principal(concat(new byte[] {0x30, (byte) set.length}, set));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
        // The cases the shortcut does not decide are still matched by RFC 5280 §7.1 rules.
        assertThat(printable.getEncoded()).isNotEqualTo(utf8.getEncoded());
        assertThat(CertChecks.sameName(printable, utf8)).isTrue();
        assertThat(CertChecks.sameName(utf8, upper)).isTrue();
        assertThat(CertChecks.sameName(utf8, other)).isFalse();
    }
}

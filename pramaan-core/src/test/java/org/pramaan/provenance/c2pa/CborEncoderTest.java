package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8949 Appendix A vectors and §4.2.1 key order. */
class CborEncoderTest {
    private static String hex(Object o) {
        return HexFormat.of().formatHex(CborEncoder.encode(o));
    }

    @Test
    void encodesTheRfcExamples() {
        assertThat(hex(0)).isEqualTo("00");
        assertThat(hex(23)).isEqualTo("17");
        assertThat(hex(24)).isEqualTo("1818");
        assertThat(hex(1000)).isEqualTo("1903e8");
        assertThat(hex(1_000_000L)).isEqualTo("1a000f4240");
        assertThat(hex(1_000_000_000_000L)).isEqualTo("1b000000e8d4a51000");
        assertThat(hex(-1)).isEqualTo("20");
        assertThat(hex(-1000)).isEqualTo("3903e7");
        assertThat(hex("IETF")).isEqualTo("6449455446");
        assertThat(hex(new byte[] {1, 2, 3, 4})).isEqualTo("4401020304");
        assertThat(hex(List.of(1, List.of(2, 3)))).isEqualTo("8201820203");
        assertThat(hex(true)).isEqualTo("f5");
        assertThat(hex(CborEncoder.NULL)).isEqualTo("f6");
        assertThat(hex(new CborEncoder.Tagged(18, List.of()))).isEqualTo("d280");
    }

    @Test
    void sortsMapKeysByTheirEncodedBytes() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("bb", 1);
        m.put("a", 2);
        m.put(33, 3);
        m.put(1, 4);
        // 1 (01) < 33 (1821) < "a" (6161) < "bb" (626262): shorter keys first, as RFC 8949 §4.2.1 orders them
        assertThat(hex(m)).isEqualTo("a40104182103616102626262" + "01");
        assertThatThrownBy(() -> CborEncoder.encode(java.util.Collections.singletonList(null)))
                .hasMessageContaining("null");
    }
}

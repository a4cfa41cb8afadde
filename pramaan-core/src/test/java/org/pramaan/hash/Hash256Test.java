package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Hash256Test {
    @Test
    void hexRoundTripsAndDistanceCountsBits() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            Hash256 a = Hash256.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
            assertThat(Hash256.fromHex(a.toHex())).isEqualTo(a);
            assertThat(Hash256.fromHex(a.toHex().toUpperCase())).isEqualTo(a);
            assertThat(a.distance(a)).isZero();
        }
        Hash256 zero = Hash256.fromHex("0".repeat(64));
        assertThat(zero.distance(Hash256.fromHex("f".repeat(64)))).isEqualTo(256);
        assertThat(zero.distance(Hash256.fromHex("0".repeat(63) + "3"))).isEqualTo(2);
    }

    @Test
    void badHexIsRefusedNamingIt() {
        assertThatThrownBy(() -> Hash256.fromHex("abc")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> Hash256.fromHex("g".repeat(64))).hasMessageContaining("not a hex hash");
    }
}

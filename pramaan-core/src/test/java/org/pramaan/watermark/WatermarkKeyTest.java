package org.pramaan.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WatermarkKeyTest {
    private static final String SECRET = Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @Test
    void parsesIdColonBase64() {
        WatermarkKey k = WatermarkKey.parse("acme-gen:" + SECRET);
        assertEquals("acme-gen", k.id());
        assertEquals(k, WatermarkKey.parse(" acme-gen : " + SECRET + " ".trim()));
        assertFalse(k.toString().contains(SECRET), "toString must not show the secret");
    }

    @Test
    void refusesBadEntriesNamingTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WatermarkKey.parse("nokey"))
                .getMessage()
                .contains("id:base64key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WatermarkKey.parse("a:" + "QUJD"))
                .getMessage()
                .contains("16-64 bytes, was 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WatermarkKey.parse("a:%%%%"))
                .getMessage()
                .contains("not valid base64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WatermarkKey.parse("a b:" + SECRET))
                .getMessage()
                .contains("[A-Za-z0-9._-]"));
        assertThrows(IllegalArgumentException.class, () -> WatermarkKey.parse("a:" + "A".repeat(5000)));
    }

    @Test
    void keyStreamDependsOnSecretAndLabel() {
        WatermarkKey a = WatermarkKey.parse("a:" + SECRET),
                b = new WatermarkKey("a", "fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertNotEquals(bytes(a, "x"), bytes(b, "x"));
        assertNotEquals(bytes(a, "x"), bytes(a, "y"));
        assertEquals(bytes(a, "x"), bytes(WatermarkKey.parse("a:" + SECRET), "x"));
    }

    private static String bytes(WatermarkKey k, String label) {
        WatermarkKey.KeyStream s = k.stream(label);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) sb.append(s.nextByte()).append(',');
        return sb.toString();
    }
}

package org.pramaan.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;

class ActorTest {
    @Test
    void theStoredFormsParseToTheirKindAndFormatBackUnchanged() {
        // The strings case events, audit entries and holds have always stored.
        for (String wire :
                List.of("key:3fa9c01b22de", "cli:root", "cli:Jane Doe", "system", "system:clock", "key:a:b")) {
            assertThat(Actor.parse(wire).wireName()).isEqualTo(wire);
        }
        assertThat(Actor.parse("key:3fa9c01b22de")).isEqualTo(new Actor.Key("3fa9c01b22de", Optional.empty()));
        assertThat(Actor.parse("cli:root")).isEqualTo(new Actor.Operator("root"));
        assertThat(Actor.parse("system")).isSameAs(Actor.PLATFORM);
        assertThat(Actor.parse("system:clock")).isEqualTo(new Actor.Component("clock"));
    }

    @Test
    void aRequestsActorKeepsItsRoleButStoresOnlyTheKeyId() {
        Actor a = Actor.of(new Principal("3fa9c01b22de", Role.REVIEWER, "desk"));
        assertThat(a).isEqualTo(new Actor.Key("3fa9c01b22de", Optional.of(Role.REVIEWER)));
        assertThat(a.wireName()).isEqualTo("key:3fa9c01b22de");
        assertThat(Actor.parse(a.wireName())).isInstanceOf(Actor.Key.class);
    }

    @Test
    void malformedActorsAreRefusedNamingTheProblem() {
        assertRefused("", "not key:<id>");
        assertRefused("admin", "not key:<id>");
        assertRefused("KEY:abc", "not key:<id>");
        assertRefused("key:", "must be non-blank");
        assertRefused("cli:   ", "must be non-blank");
        assertRefused("cli: root", "surrounding spaces");
        assertRefused("system:", "must be non-blank");
        assertRefused("key:ab\ncd", "U+000A");
        assertRefused("cli:" + "u".repeat(Actor.MAX_NAME + 1), "at most " + Actor.MAX_NAME);
        assertRefused("key:" + "k".repeat(100_000), "at most");
        assertThatThrownBy(() -> Actor.key("")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> Actor.operator("bad\u0000name"))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("U+0000");
    }

    private static void assertRefused(String wire, String message) {
        assertThatThrownBy(() -> Actor.parse(wire))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("actor"))
                .hasMessageContaining(message);
    }
}

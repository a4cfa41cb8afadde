package org.pramaan.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;
import org.pramaan.json.Json;

class CaseEventTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    /** A case row as the string-typed CaseEvent record wrote it (captured from the code before issue 12). */
    private static final String STORED =
            "{\"article\":\"r.3(2)(b)\",\"awaitingInformation\":false,\"clocks\":[{\"dueAt\":\"2026-03-01T12:00:00Z\","
                    + "\"escalateAt\":[0.5],\"name\":\"remove\",\"source\":\"src\",\"startedAt\":\"2026-03-01T10:00:00Z\"}],\"events\":[{\"at\":\"2026-03-01T10:00:00Z\","
                    + "\"details\":{\"noticeType\":\"X\",\"receivedAt\":\"2026-03-01T10:00:00Z\"},\"type\":\"opened\"},{\"at\":\"2026-03-01T10:00:05Z\","
                    + "\"details\":{\"clock\":\"remove\",\"threshold\":\"50%\"},\"type\":\"escalated\"}],\"id\":\"IN-1\",\"jurisdiction\":\"IN\",\"legalReview\":false,"
                    + "\"mediaId\":\"m1\",\"missingFields\":[],\"notice\":{\"a\":\"1\",\"b\":\"2\"},\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"receivedAt\":\"2026-03-01T10:00:00Z\","
                    + "\"state\":\"OPEN\"}";

    private static CaseFile sample() {
        return new CaseFile(
                "IN-1",
                "IN_3_2_B_COMPLAINT",
                "IN",
                "r.3(2)(b)",
                "m1",
                T,
                Map.of("b", "2", "a", "1"),
                List.of(new CaseClock("remove", "src", T, T.plusSeconds(7200), List.of(0.5), Optional.empty())),
                CaseState.OPEN,
                Optional.empty(),
                List.of(
                        new CaseEvent.Opened(T, Map.of("noticeType", "X", "receivedAt", T.toString())),
                        new CaseEvent.Escalated(T.plusSeconds(5), Map.of("clock", "remove", "threshold", "50%"))),
                List.of(),
                false,
                false);
    }

    @Test
    void aCaseIsStoredByteForByteAsBeforeTheEventsWereTyped() {
        assertThat(Json.write(sample())).isEqualTo(STORED);
        CaseFile back = Json.read(STORED, CaseFile.class);
        assertThat(back).isEqualTo(sample());
        assertThat(back.events())
                .extracting(e -> (Object) e.getClass())
                .containsExactly(CaseEvent.Opened.class, CaseEvent.Escalated.class);
    }

    @Test
    void everyKindHasItsOwnWireNameAndIsReadBackAsItself() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Class<?> kind : CaseEvent.class.getPermittedSubclasses()) {
            CaseEvent e = instance(kind);
            assertThat(names.add(e.wireName()))
                    .as("%s has a wire name of its own", kind.getSimpleName())
                    .isTrue();
            assertThat(CaseEvent.of(e.wireName(), e.at(), e.details())).isEqualTo(e);
            assertThat(Json.read(Json.write(e), CaseEvent.class)).isEqualTo(e);
        }
        assertThat(names)
                .hasSize(22)
                .contains(
                        "likeness_matched",
                        "statement_of_reasons",
                        "appeal_received",
                        "repeat_infringer_flagged",
                        "escalated_to_senior");
    }

    @Test
    void anUnknownStoredTypeIsRefusedNamingIt() {
        assertThatThrownBy(() -> CaseEvent.of("deleted", T, Map.of()))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("type"))
                .hasMessageContaining("'deleted'");
        assertThatThrownBy(() ->
                        Json.read(STORED.replace("\"type\":\"escalated\"", "\"type\":\"Escalated\""), CaseFile.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("'Escalated'");
        assertThatThrownBy(() -> Json.read(STORED.replace("\"threshold\":\"50%\"", "\"threshold\":50"), CaseFile.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("detail 'threshold'");
    }

    private static CaseEvent instance(Class<?> kind) {
        try {
            return (CaseEvent) kind.getConstructor(Instant.class, Map.class)
                    .newInstance(T, Map.of("clock", "remove", "action", "REMOVE"));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(kind + " is not a record of (at, details)", e);
        }
    }
}

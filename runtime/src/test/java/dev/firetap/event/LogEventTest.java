package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogEventTest {
  @Test
  void builderFillsIdTimestampAndEmptyData() {
    Instant before = Instant.now().minusSeconds(1);

    LogEvent event = LogEvent.builder(Level.INFO, "started").service("s").host("h").build();

    assertThat(UUID.fromString(event.id()).version()).isEqualTo(7);
    assertThat(event.timestamp()).isBetween(before, Instant.now());
    assertThat(event.data()).isEmpty();
    assertThat(event.message()).isNull();
    assertThat(event.durationMs()).isNull();
  }

  @Test
  void builderCollectsDataInInsertionOrder() {
    LogEvent event =
        LogEvent.builder(Level.DEBUG, "cart.updated")
            .data(Map.of("first", 1))
            .put("second", List.of(2))
            .put("third", null)
            .service("s")
            .host("h")
            .build();

    assertThat(event.data().keySet()).containsExactly("first", "second", "third");
    assertThat(event.data().get("second")).isEqualTo(List.of(2L));
  }

  @Test
  void builderDescribesAThrowable() {
    IllegalStateException failure = new IllegalStateException("boom");

    LogEvent event =
        LogEvent.builder(Level.ERROR, "failed").error(failure).service("s").host("h").build();

    assertThat(event.error().type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(event.error().message()).isEqualTo("boom");
  }

  @Test
  void builderRequiresServiceAndHost() {
    LogEvent.Builder withoutHost = LogEvent.builder(Level.INFO, "e").service("s");

    assertThatThrownBy(withoutHost::build)
        .isInstanceOf(NullPointerException.class)
        .hasMessage("host");
  }

  @Test
  void truncatesTheTimestampToMicroseconds() {
    Instant precise = Instant.parse("2026-12-03T12:00:00.123456789Z");

    LogEvent event =
        LogEvent.builder(Level.INFO, "e").timestamp(precise).service("s").host("h").build();

    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-03T12:00:00.123456Z"));
  }

  @Test
  void treatsNullDataAsEmpty() {
    LogEvent event =
        new LogEvent(
            "id",
            Instant.EPOCH,
            Level.INFO,
            "e",
            null,
            null,
            "s",
            "h",
            null,
            null,
            null,
            null,
            null);

    assertThat(event.data()).isEmpty();
  }

  @Test
  void copiesData() {
    Map<String, Object> data = new HashMap<>(Map.of("a", 1));

    LogEvent event =
        new LogEvent(
            "id",
            Instant.EPOCH,
            Level.INFO,
            "e",
            null,
            data,
            "s",
            "h",
            null,
            null,
            null,
            null,
            null);
    data.put("b", 2);

    assertThat(event.data()).isEqualTo(Map.of("a", 1L));
  }

  @Test
  void rejectsABlankEventName() {
    LogEvent.Builder builder = LogEvent.builder(Level.INFO, "  ").service("s").host("h");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event must be a non-blank name, got '  '");
  }

  @Test
  void rejectsCyclicDataNamingThePath() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("again", cyclic);
    LogEvent.Builder builder =
        LogEvent.builder(Level.INFO, "e").put("outer", cyclic).service("s").host("h");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("data.outer.again.again")
        .hasMessageContaining("limit of 64");
  }
}

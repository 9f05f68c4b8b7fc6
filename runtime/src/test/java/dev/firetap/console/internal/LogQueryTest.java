package dev.firetap.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import org.junit.jupiter.api.Test;

class LogQueryTest {
  private static final LogEvent PAYMENT_FAILED =
      LogEvent.builder(Level.ERROR, "payment.failed")
          .service("shop")
          .host("h1")
          .userId("u7")
          .message("Card declined")
          .build();

  @Test
  void readsEveryLevelAndAHundredEventsByDefault() {
    LogQuery query = LogQuery.parse(Query.parse(""));

    assertThat(query.levels()).containsExactlyInAnyOrder(Level.values());
    assertThat(query.limit()).isEqualTo(100);
    assertThat(query.matches(PAYMENT_FAILED)).isTrue();
  }

  @Test
  void matchesTextInTheEventNameOrTheMessageInAnyCase() {
    assertThat(query("q=PAYMENT").matches(PAYMENT_FAILED)).isTrue();
    assertThat(query("q=declined").matches(PAYMENT_FAILED)).isTrue();
    assertThat(query("q=refund").matches(PAYMENT_FAILED)).isFalse();
  }

  @Test
  void matchesServiceAndUserExactly() {
    assertThat(query("service=shop&user=u7").matches(PAYMENT_FAILED)).isTrue();
    assertThat(query("service=sho").matches(PAYMENT_FAILED)).isFalse();
    assertThat(query("user=u70").matches(PAYMENT_FAILED)).isFalse();
  }

  @Test
  void readsOneLevelWhenAsked() {
    assertThat(query("level=warning").levels()).containsExactly(Level.WARN);
  }

  @Test
  void rejectsAnUnknownLevelOrALimitOutOfRangeNamingTheParameter() {
    assertThatThrownBy(() -> query("level=loud"))
        .hasMessage("level must be all, debug, info, warn or error, got 'loud'");
    assertThatThrownBy(() -> query("limit=0"))
        .hasMessage("limit must be a whole number from 1 to 1000, got '0'");
    assertThatThrownBy(() -> query("limit=many"))
        .hasMessage("limit must be a whole number from 1 to 1000, got 'many'");
  }

  private static LogQuery query(String raw) {
    return LogQuery.parse(Query.parse(raw));
  }
}

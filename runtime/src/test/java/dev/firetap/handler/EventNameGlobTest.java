package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.handler.internal.EventNameGlob;
import org.junit.jupiter.api.Test;

class EventNameGlobTest {
  @Test
  void starMatchesAnyRunAndQuestionMarkOneCharacter() {
    EventNameGlob glob = EventNameGlob.of("order.?a*");

    assertThat(glob.matches("order.paid")).isTrue();
    assertThat(glob.matches("order.xa")).isTrue();
    assertThat(glob.matches("order.a")).isFalse();
    assertThat(glob.matches("orderXpaid")).isFalse();
  }

  @Test
  void otherRegexCharactersAreLiteral() {
    EventNameGlob glob = EventNameGlob.of("a+b(c)");

    assertThat(glob.matches("a+b(c)")).isTrue();
    assertThat(glob.matches("aab(c)")).isFalse();
  }

  @Test
  void rejectsABlankPattern() {
    assertThatThrownBy(() -> EventNameGlob.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got ' '");
  }
}

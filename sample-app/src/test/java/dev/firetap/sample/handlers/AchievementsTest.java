package dev.firetap.sample.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AchievementsTest {
  @Test
  void aFirstGameUnlocksFirstGame() {
    assertThat(Achievements.earned(1, 10)).containsExactly("first-game");
  }

  @Test
  void tenGamesMakeARegularAndNineHundredPointsAHighScorer() {
    assertThat(Achievements.earned(10, 900))
        .containsExactly("first-game", "regular", "high-scorer");
  }
}

package dev.firetap.sample.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserSearchIndexTest {
  @Test
  void tokensAreTheDistinctLowerCaseWordsOfTwoOrMoreCharacters() {
    assertThat(UserSearchIndex.tokens("Ada J. Lovelace", "Porto Alegre", null, "ada"))
        .containsExactly("ada", "alegre", "lovelace", "porto");
  }

  @Test
  void tokensKeepLettersOfEveryAlphabet() {
    assertThat(UserSearchIndex.tokens("Zoë Ødegård", "Ōsaka"))
        .containsExactly("zoë", "ødegård", "ōsaka");
  }
}

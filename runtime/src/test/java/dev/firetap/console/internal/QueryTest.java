package dev.firetap.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTest {
  @Test
  void decodesRepeatedAndEncodedParameters() {
    Query query = Query.parse("id=1-0&id=2-0&q=payment%20failed&user=a%2Bb&flag");

    assertThat(query.all("id")).containsExactly("1-0", "2-0");
    assertThat(query.first("q")).isEqualTo("payment failed");
    assertThat(query.first("user")).isEqualTo("a+b");
    assertThat(query.first("flag")).isEmpty();
    assertThat(query.first("missing")).isEmpty();
    assertThat(query.first("missing", "all")).isEqualTo("all");
  }

  @Test
  void dropsOneParameterAndEncodesTheRestAgain() {
    Query query = Query.parse("token=secret&level=warn&q=a%20b");

    assertThat(query.without("token").encoded()).isEqualTo("level=warn&q=a%20b");
    assertThat(Query.parse(null).encoded()).isEmpty();
  }
}

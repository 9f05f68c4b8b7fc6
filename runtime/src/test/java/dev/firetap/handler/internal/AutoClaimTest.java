package dev.firetap.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoClaimTest {
  private static final byte[] STREAM = bytes("firetap:cdc:orders");

  @Test
  void readsTheClaimedEntriesTheNextIdAndTheIdsRedisSevenListsAsDeleted() {
    List<Object> reply =
        List.of(
            bytes("5-0"),
            List.of(List.of(bytes("1-0"), List.of(bytes("event"), bytes("{}")))),
            List.of(bytes("2-0"), bytes("3-0")));

    AutoClaim claimed = AutoClaim.parse(STREAM, reply);

    assertThat(claimed.nextId()).isEqualTo("5-0");
    assertThat(claimed.messages()).hasSize(1);
    assertThat(claimed.messages().get(0).getId()).isEqualTo("1-0");
    assertThat(Bytes.text(Bytes.field(claimed.messages().get(0).getBody(), "event")))
        .isEqualTo("{}");
    assertThat(claimed.trimmedIds()).containsExactly("2-0", "3-0");
  }

  @Test
  void countsAnEntryReturnedWithoutFieldsAsTrimmedAsRedisSixDoes() {
    List<Object> reply = List.of(bytes("0-0"), List.of(Arrays.asList(bytes("1-0"), null)));

    AutoClaim claimed = AutoClaim.parse(STREAM, reply);

    assertThat(claimed.nextId()).isEqualTo("0-0");
    assertThat(claimed.messages()).isEmpty();
    assertThat(claimed.trimmedIds()).containsExactly("1-0");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

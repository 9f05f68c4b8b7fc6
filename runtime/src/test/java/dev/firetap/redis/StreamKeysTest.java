package dev.firetap.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.event.Level;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StreamKeysTest {
  private final StreamKeys keys = new StreamKeys("firetap");

  @Test
  void namesEveryKeyOfTheContract() {
    assertThat(keys.changeStream("orders")).isEqualTo("firetap:cdc:orders");
    assertThat(keys.logStream(Level.WARN)).isEqualTo("firetap:logs:warn");
    assertThat(keys.statsKey(LocalDate.of(2026, 12, 3))).isEqualTo("firetap:stats:2026-12-03");
    assertThat(keys.changeChannel("orders")).isEqualTo("firetap:changes:orders");
    assertThat(keys.allChangeChannels()).isEqualTo("firetap:changes:*");
  }

  @Test
  void findsTheCollectionOfAChannel() {
    assertThat(keys.collectionOfChannel("firetap:changes:gameResults")).isEqualTo("gameResults");
  }

  @Test
  void keepsTheProducerSequenceInTheSlotOfItsStream() {
    assertThat(keys.producerSequence("firetap:cdc:orders", "p1"))
        .isEqualTo("firetap:seq:{firetap:cdc:orders}:p1");
  }

  @Test
  void usesTheConfiguredPrefix() {
    assertThat(new StreamKeys("shop").changeStream("orders")).isEqualTo("shop:cdc:orders");
  }
}

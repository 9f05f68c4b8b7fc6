package dev.firetap.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.event.Level;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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

  @Test
  void oneShardKeepsTheCollectionStream() {
    assertThat(keys.changeStream("orders", "orders/o1")).isEqualTo("firetap:cdc:orders");
    assertThat(keys.changeStreams("orders")).containsExactly("firetap:cdc:orders");
  }

  @Test
  void sendsEveryEventOfADocumentToOneShardByTheCrc32OfItsPath() {
    StreamKeys sharded = new StreamKeys("firetap", false, 6);

    String stream = sharded.changeStream("orders", "orders/o1");

    // CRC-32 of "orders/o1" is 0xd654f07b = 3595890811, and 3595890811 mod 6 = 1.
    assertThat(stream).isEqualTo("firetap:cdc:orders:1");
    assertThat(sharded.changeStream("orders", "orders/o1")).isEqualTo(stream);
    assertThat(sharded.changeStreams("orders")).hasSize(6).contains(stream);
    assertThat(sharded.collectionOfStream(stream)).isEqualTo("orders");
  }

  @Test
  void spreadsDocumentsOverEveryShard() {
    StreamKeys sharded = new StreamKeys("firetap", false, 6);
    Map<Integer, Integer> perShard = new HashMap<>();

    for (int document = 0; document < 6000; document++) {
      perShard.merge(sharded.shardOf("orders/d" + document), 1, Integer::sum);
    }

    assertThat(perShard).hasSize(6);
    assertThat(perShard.values()).allSatisfy(count -> assertThat(count).isBetween(800, 1200));
  }

  @Test
  void countsEachLevelInTheSlotOfItsStreamInACluster() {
    StreamKeys cluster = new StreamKeys("firetap", true, 1);
    LocalDate day = LocalDate.of(2026, 12, 3);

    assertThat(cluster.statsKey(day, Level.WARN))
        .isEqualTo("firetap:stats:{firetap:logs:warn}:2026-12-03");
    assertThat(cluster.statsKeys(day)).hasSize(Level.values().length);
    assertThat(keys.statsKeys(day)).containsExactly("firetap:stats:2026-12-03");
  }

  @Test
  void rejectsFewerThanOneShard() {
    assertThatThrownBy(() -> new StreamKeys("firetap", false, 0))
        .hasMessage("firetap.cdc.shards must be at least 1, got 0");
  }
}

package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithFirestoreEmulator;
import dev.firetap.testing.WithRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents at Firestore's limits through the agent: near 1 MiB, and maps nested as deep as
 * Firestore allows, are captured whole and decode for handlers; a document beyond the limit is
 * refused to the application as without the agent, and leaves no event.
 */
@WithRedis
@WithFirestoreEmulator
class DocumentLimitsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path work;

  @Test
  void capturesDocumentsAtFirestoresLimitsWholeAndNothingForOneBeyond(
      RedisServer redis, FirestoreEmulator emulator) throws Exception {
    emulator.reset(WritingApp.PROJECT);
    String arguments = FaultScenario.agentArguments(redis, "limits", work);

    try (AgentJvm app =
            AgentJvm.start(
                arguments, emulator.hostAndPort(), work.resolve("app.log"), "large", "deep");
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      app.awaitLine("DONE", TIMEOUT);
      await().atMost(TIMEOUT).until(() -> streams.length("firetap:cdc:zz_end") == 1);

      assertThat(app.outcome("large-new")).startsWith("OK");
      assertThat(app.outcome("large-replace")).startsWith("OK");
      assertThat(app.outcome("oversized")).startsWith("FAILED");
      assertThat(app.outcome("deep")).startsWith("OK");
      List<ChangeEvent> large = events(streams, "large");
      assertThat(large).extracting(ChangeEvent::documentId).containsExactly("l1", "l1");
      assertThat(large.get(1).op()).isEqualTo(Operation.UPDATE);
      assertThat((String) large.get(1).before().get("text")).hasSize(WritingApp.LARGE_TEXT);
      assertThat((String) large.get(1).after().get("text"))
          .startsWith("b")
          .hasSize(WritingApp.LARGE_TEXT);
      assertThat(events(streams, "deep").get(0).after())
          .isEqualTo(WritingApp.nested(WritingApp.DEEPEST));
      assertThat(app.output()).doesNotContain("[firetap] ERROR");
    }
  }

  private static List<ChangeEvent> events(RedisStreams streams, String collection) {
    return streams.events("firetap:cdc:" + collection).stream()
        .map(json -> EventCodec.decodeChange(json.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }
}

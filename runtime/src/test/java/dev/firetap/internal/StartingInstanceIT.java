package dev.firetap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.Firetap;
import dev.firetap.annotation.internal.AnnotatedCall;
import dev.firetap.annotation.internal.AnnotatedCall.Interceptor;
import dev.firetap.annotation.internal.InterceptedMethod;
import dev.firetap.annotations.Logged;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.EventCodec;
import dev.firetap.event.LogEvent;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annotated calls made while the agent's Firetap instance is still starting, driven the way the
 * agent's advice drives them: they are reported once the instance runs, not lost.
 */
@WithRedis
class StartingInstanceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  static final class Greeter {
    @Logged(event = "greeting", includeArguments = true)
    public String greet(String name) {
      return "hello " + name;
    }
  }

  @TempDir Path spool;

  @Test
  void callsMadeWhileTheInstanceStartsAreReportedOnceItRuns(RedisServer redis) throws Exception {
    FiretapConfig config = TestConfigs.forRedis(redis, spool, "firetap.errors.enabled", "false");
    CompletableFuture<Firetap> started = new CompletableFuture<>();
    StartingInstance.announce(config, started);

    assertThat(Firetap.global()).isEmpty();
    for (String name : List.of("ada", "grace")) {
      greet(name);
    }
    try (RedisStreams streams = RedisStreams.connect(redis.url());
        Firetap firetap = Firetap.builder().config(config).processWide(true).start()) {
      assertThat(streams.length("firetap:logs:info")).isZero();
      started.complete(firetap);
      greet("edsger");

      await().atMost(TIMEOUT).until(() -> streams.length("firetap:logs:info") == 3);
      assertThat(streams.events("firetap:logs:info"))
          .map(json -> EventCodec.decodeLog(json.getBytes(StandardCharsets.UTF_8)))
          .extracting(LogEvent::data)
          .extracting(data -> data.get("arguments").toString())
          .containsExactly("{name=ada}", "{name=grace}", "{name=edsger}");
    }
  }

  @Test
  void callsMadeBeforeAStartThatFailsAreDroppedWithoutAnError(RedisServer redis) throws Exception {
    FiretapConfig config = TestConfigs.forRedis(redis, spool, "firetap.errors.enabled", "false");
    CompletableFuture<Firetap> started = new CompletableFuture<>();
    StartingInstance.announce(config, started);

    greet("ada");
    started.completeExceptionally(new IllegalStateException("no start"));

    try (RedisStreams streams = RedisStreams.connect(redis.url());
        Firetap firetap = Firetap.start(config)) {
      greet("grace");
      assertThat(firetap.emitter().flush(TIMEOUT)).isTrue();
      assertThat(streams.events("firetap:logs:info"))
          .singleElement()
          .asString()
          .contains("grace")
          .doesNotContain("ada");
    }
  }

  private static void greet(String name) throws Exception {
    Method greet = Greeter.class.getMethod("greet", String.class);
    Greeter greeter = new Greeter();
    Object[] arguments = {name};
    InterceptedMethod method = InterceptedMethod.of(Interceptor.AGENT, Greeter.class, greet);
    AnnotatedCall call = AnnotatedCall.enter(method, arguments, System.nanoTime());
    Object result = greeter.greet(name);
    if (call != null) {
      call.exit(result, null, System.nanoTime());
    }
  }
}

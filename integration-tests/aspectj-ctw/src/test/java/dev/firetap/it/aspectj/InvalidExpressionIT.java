package dev.firetap.it.aspectj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.event.EventCodec;
import dev.firetap.event.LogEvent;
import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MisannotatedService}, whose store and cancel methods have an invalid expression, in a
 * child JVM in each mode: one WARN per such method names it and the expression, every call returns
 * as without Firetap, the invalid annotation reports nothing and the valid status method still
 * does. The agent finds the problems as it loads the class and leaves those methods alone; AspectJ
 * finds each at the method's first call and still reports the method's valid annotation.
 */
@WithRedis
class InvalidExpressionIT {
  private static final List<String> SEEN =
      List.of(
          "store returned its argument: true",
          "cancel returned cancelled o7",
          "status returned open");

  private static final String STORE_PROBLEM =
      "@CaptureChange on MisannotatedService.store(Order): documentId '#ordr.id' names no"
          + " parameter (parameters: order)";
  private static final String CANCEL_PROBLEM =
      "@Logged on MisannotatedService.cancel(String): userId '#nope' names no parameter"
          + " (parameters: orderId)";

  private static final String UNINSTRUMENTED = "the method is not instrumented and reports nothing";
  private static final String CALL_UNAFFECTED =
      "the call itself is unaffected, further problems of this method are logged at DEBUG";

  private static final Reported STORE =
      reported(
          "store",
          Map.of(
              "result", Map.of("id", "o7", "item", "pen", "customerId", "c7", "voucher", "***")));
  private static final Reported STATUS =
      reported("status", Map.of("arguments", Map.of("orderId", "o7"), "result", "open"));

  @TempDir Path work;

  @Test
  void theAgentWarnsAsItLoadsTheClassAndLeavesEachInvalidMethodUninstrumented(RedisServer redis)
      throws Exception {
    List<String> options = List.of(ChildJvms.agent(redis, work), ChildJvms.mdcProvider());

    String output =
        run(InvalidExpressionAgentMain.class, options, ChildJvms.applicationClassPath(), List.of());

    assertThat(output).contains("agent ready: true");
    assertThat(warningsAndLoad(output))
        .satisfiesExactly(
            warning(STORE_PROBLEM, UNINSTRUMENTED),
            warning(CANCEL_PROBLEM, UNINSTRUMENTED),
            loaded());
    assertThat(ChildJvms.seenLines(output)).containsExactlyElementsOf(SEEN);
    assertOnlyReported(redis, STATUS);
  }

  @Test
  void loadTimeWeavingWarnsAtTheFirstCallAndStillReportsTheValidAnnotation(RedisServer redis)
      throws Exception {
    List<String> options = List.of(ChildJvms.weaver(), ChildJvms.mdcProvider());

    String output =
        run(InvalidExpressionMain.class, options, ChildJvms.unwovenClassPath(), woven(redis));

    assertWovenOutcome(redis, output);
  }

  @Test
  void compileTimeWeavingWarnsAtTheFirstCallAndStillReportsTheValidAnnotation(RedisServer redis)
      throws Exception {
    List<String> options = List.of(ChildJvms.mdcProvider());

    String output =
        run(InvalidExpressionMain.class, options, ChildJvms.wovenClassPath(), woven(redis));

    assertWovenOutcome(redis, output);
  }

  /** With AspectJ: store's {@code @Logged} is valid and still reports; its capture does not. */
  private static void assertWovenOutcome(RedisServer redis, String output) {
    assertThat(output).contains("scenario done, delivered: true");
    assertThat(warningsAndLoad(output))
        .satisfiesExactly(
            loaded(),
            warning(STORE_PROBLEM, CALL_UNAFFECTED),
            warning(CANCEL_PROBLEM, CALL_UNAFFECTED));
    assertThat(ChildJvms.seenLines(output)).containsExactlyElementsOf(SEEN);
    assertOnlyReported(redis, STORE, STATUS);
  }

  private String run(Class<?> main, List<String> options, String classPath, List<String> args)
      throws Exception {
    try (ChildJvm child =
        ChildJvm.start(main, options, classPath, args, work.resolve("child.log"))) {
      child.awaitLine(line -> line.startsWith("scenario done"), Duration.ofSeconds(60));
      assertThat(child.awaitExit(Duration.ofSeconds(30))).as(child.output()).isZero();
      return child.output();
    }
  }

  private List<String> woven(RedisServer redis) {
    return List.of(redis.url(), work.resolve("spool").toString());
  }

  /** The WARN lines and the line saying the service class is loaded, in order. */
  private static List<String> warningsAndLoad(String output) {
    return output
        .lines()
        .filter(line -> line.contains(" WARN ") || line.equals(InvalidExpressionScenario.LOADED))
        .toList();
  }

  /** A WARN line that ends with the problem and its consequence, and names the method once. */
  private static ThrowingConsumer<String> warning(String problem, String consequence) {
    return line -> {
      assertThat(line).contains(" WARN ").endsWith(problem + "; " + consequence);
      assertThat(line.indexOf("MisannotatedService.")).isEqualTo(line.lastIndexOf("Misannotated"));
    };
  }

  private static ThrowingConsumer<String> loaded() {
    return line -> assertThat(line).isEqualTo(InvalidExpressionScenario.LOADED);
  }

  /** Checks that the log events are exactly {@code expected} and that no change was captured. */
  private static void assertOnlyReported(RedisServer redis, Reported... expected) {
    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      assertThat(streams.commands().keys("firetap:logs:*")).containsExactly("firetap:logs:info");
      assertThat(streams.events("firetap:logs:info"))
          .extracting(InvalidExpressionIT::reported)
          .containsExactly(expected);
      assertThat(streams.commands().keys("firetap:cdc:*")).isEmpty();
    }
  }

  private static Reported reported(String method, Map<String, Object> data) {
    String event = MisannotatedService.class.getSimpleName() + "." + method;
    return new Reported("info", event, MisannotatedService.class.getName(), method, data);
  }

  private static Reported reported(String json) {
    LogEvent event = EventCodec.decodeLog(json.getBytes(StandardCharsets.UTF_8));
    return new Reported(
        event.level().wireName(),
        event.event(),
        event.source().className(),
        event.source().method(),
        event.data());
  }

  /** What a log event says about a call, without ids and times. */
  private record Reported(
      String level, String event, String className, String method, Map<String, Object> data) {}
}

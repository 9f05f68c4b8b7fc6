package dev.firetap.annotation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.core.ApiFuture;
import com.google.api.core.SettableApiFuture;
import dev.firetap.Firetap;
import dev.firetap.annotation.internal.AnnotatedCall.Interceptor;
import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.ChangeOperation;
import dev.firetap.annotations.Logged;
import dev.firetap.annotations.Sensitive;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.LogEvent;
import dev.firetap.event.LogSource;
import dev.firetap.event.Operation;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** The semantics of annotated calls, driven the way an interceptor drives them, on a real Redis. */
@WithRedis
class AnnotatedCallIT {

  record Order(String id, String item, Map<String, Object> payment) {}

  static final class OrderService {
    CompletableFuture<String> pending;
    SettableApiFuture<String> remote;

    @Logged(includeArguments = true, includeResult = true, userId = "#userId")
    public Order place(Order order, String userId, @Sensitive String pin) {
      return order;
    }

    @Logged(event = "order.failed")
    public void fail(String reason) {
      throw new IllegalStateException(reason);
    }

    @Logged(includeResult = true)
    public CompletableFuture<String> later() {
      return pending;
    }

    @Logged(includeResult = true)
    public ApiFuture<String> remote() {
      return remote;
    }

    @CaptureChange(
        collection = "orders",
        operation = ChangeOperation.UPDATE,
        documentId = "#order.id",
        before = "#previous",
        after = "#order")
    public Order update(Order previous, Order order, boolean fail) {
      if (fail) {
        throw new IllegalArgumentException("rejected");
      }
      return order;
    }

    @CaptureChange(collection = "orders", operation = ChangeOperation.CREATE, documentId = "#ordr")
    public void misspelled(String order) {}
  }

  @TempDir Path spool;

  private final OrderService service = new OrderService();
  private Firetap firetap;
  private RedisStreams streams;

  @BeforeEach
  void start(RedisServer redis) {
    firetap = Firetap.start(TestConfigs.forRedis(redis, spool, "firetap.errors.enabled", "false"));
    streams = RedisStreams.connect(redis.url());
  }

  @AfterEach
  void stop() {
    MDC.clear();
    streams.close();
    firetap.close();
  }

  @Test
  void logsOneEventWithSourceDurationRedactedArgumentsResultAndTrace() throws Throwable {
    Order order = new Order("o1", "book", Map.of("cardNumber", "4111", "amount", 12));
    MDC.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");

    call(Interceptor.ASPECTJ, "place", order, "u1", "1234");

    LogEvent event = single("info");
    assertThat(event.event()).isEqualTo("OrderService.place");
    assertThat(event.source()).isEqualTo(new LogSource(OrderService.class.getName(), "place"));
    assertThat(event.durationMs()).isNotNull().isNotNegative();
    assertThat(event.userId()).isEqualTo("u1");
    assertThat(event.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    Map<String, Object> payment = Map.of("cardNumber", "***", "amount", 12L);
    Map<String, Object> orderJson = Map.of("id", "o1", "item", "book", "payment", payment);
    assertThat(event.data())
        .isEqualTo(
            Map.of(
                "arguments",
                Map.of("order", orderJson, "userId", "u1", "pin", "***"),
                "result",
                orderJson));
  }

  @Test
  void anExceptionGivesAnErrorEventAndReachesTheCallerUnchanged() {
    IllegalStateException thrown =
        (IllegalStateException) catchThrowable(() -> call(Interceptor.ASPECTJ, "fail", "no stock"));

    LogEvent event = single("error");
    assertThat(thrown).hasMessage("no stock");
    assertThat(event.event()).isEqualTo("order.failed");
    assertThat(event.error().type()).isEqualTo(IllegalStateException.class.getName());
    assertThat(event.error().message()).isEqualTo("no stock");
    assertThat(event.error().stack()).contains("OrderService.fail");
  }

  @Test
  void aFutureIsLoggedWhenItCompletesAndReturnedAsItIs() throws Throwable {
    service.pending = new CompletableFuture<>();

    Object returned = call(Interceptor.ASPECTJ, "later");

    assertThat(returned).isSameAs(service.pending);
    assertThat(firetap.emitter().flush(Duration.ofSeconds(5))).isTrue();
    assertThat(streams.length("firetap:logs:info")).isZero();
    service.pending.complete("done");
    await().until(() -> streams.length("firetap:logs:info") == 1);
    assertThat(single("info").data()).isEqualTo(Map.of("result", "done"));
  }

  @Test
  void anApiFutureIsLoggedWhenItCompletesAndReturnedAsItIs() throws Throwable {
    service.remote = SettableApiFuture.create();

    Object returned = call(Interceptor.ASPECTJ, "remote");
    service.remote.set("written");

    assertThat(returned).isSameAs(service.remote);
    assertThat(single("info").data()).isEqualTo(Map.of("result", "written"));
  }

  @Test
  void aFailedFutureGivesAnErrorEvent() throws Throwable {
    service.pending = new CompletableFuture<>();

    call(Interceptor.ASPECTJ, "later");
    service.pending.completeExceptionally(new IllegalStateException("timed out"));

    await().until(() -> streams.length("firetap:logs:error") == 1);
    assertThat(single("error").error().message()).isEqualTo("timed out");
  }

  @Test
  void theAgentAndTheAspectOnTheSameCallEmitOneEvent() throws Throwable {
    Order order = new Order("o1", "book", Map.of());
    Method place = method("place");
    Object[] agentArguments = {order, "u1", "1234"};
    Object[] aspectArguments = agentArguments.clone();

    InterceptedMethod byAgent = InterceptedMethod.of(Interceptor.AGENT, OrderService.class, place);
    InterceptedMethod byAspect =
        InterceptedMethod.of(Interceptor.ASPECTJ, OrderService.class, place);

    AnnotatedCall outer = AnnotatedCall.enter(byAgent, agentArguments, 0L);
    AnnotatedCall inner = AnnotatedCall.enter(byAspect, aspectArguments, 0L);
    AnnotatedCall recursive = AnnotatedCall.enter(byAgent, agentArguments, 0L);
    recursive.exit(order, null, 0L);
    outer.exit(order, null, 0L);

    assertThat(outer).isNotNull();
    assertThat(inner).isNull();
    assertThat(firetap.emitter().flush(Duration.ofSeconds(5))).isTrue();
    assertThat(streams.length("firetap:logs:info")).isEqualTo(2);
  }

  @Test
  void aCallWhoseExitNeverCameLeavesWithTheCallAroundIt() {
    Object[] arguments = {new Order("o1", "book", Map.of()), "u1", "1234"};
    InterceptedMethod byAgent =
        InterceptedMethod.of(Interceptor.AGENT, OrderService.class, method("place"));
    InterceptedMethod byAspect =
        InterceptedMethod.of(Interceptor.ASPECTJ, OrderService.class, method("place"));

    AnnotatedCall outer = AnnotatedCall.enter(byAgent, arguments, 0L);
    AnnotatedCall.enter(byAgent, arguments, 0L);
    outer.exit(null, null, 0L);
    AnnotatedCall next = AnnotatedCall.enter(byAspect, arguments.clone(), 0L);
    next.exit(null, null, 0L);

    assertThat(next).as("not taken for the agent's abandoned call").isNotNull();
  }

  @Test
  void capturesAChangeAfterASuccessfulCallAndNothingAfterAFailedOne() throws Throwable {
    Order before = new Order("o1", "book", Map.of());
    Order after = new Order("o1", "book", Map.of("token", "t"));
    MDC.put("userId", "u7");

    call(Interceptor.ASPECTJ, "update", before, after, false);
    catchThrowable(() -> call(Interceptor.ASPECTJ, "update", before, after, true));

    assertThat(firetap.emitter().flush(Duration.ofSeconds(5))).isTrue();
    List<String> events = streams.events("firetap:cdc:orders");
    assertThat(events).hasSize(1);
    ChangeEvent event = EventCodec.decodeChange(events.get(0).getBytes(StandardCharsets.UTF_8));
    assertThat(event.op()).isEqualTo(Operation.UPDATE);
    assertThat(event.path()).isEqualTo("orders/o1");
    assertThat(event.userId()).isEqualTo("u7");
    assertThat(event.before()).isEqualTo(Map.of("id", "o1", "item", "book", "payment", Map.of()));
    assertThat(event.after().get("payment")).isEqualTo(Map.of("token", "***"));
    assertThat(event.changedFields()).containsExactly("payment");
  }

  @Test
  void anInvalidExpressionLeavesTheCallAloneAndEmitsNothing() throws Throwable {
    Object returned = call(Interceptor.ASPECTJ, "misspelled", "o1");

    assertThat(returned).isNull();
    assertThat(firetap.emitter().flush(Duration.ofSeconds(5))).isTrue();
    assertThat(streams.length("firetap:cdc:orders")).isZero();
  }

  @Test
  void withoutARunningInstanceThereIsNothingToReport() {
    firetap.close();

    AnnotatedCall call =
        AnnotatedCall.enter(
            InterceptedMethod.of(Interceptor.ASPECTJ, OrderService.class, method("later")),
            new Object[0],
            0L);

    assertThat(call).isNull();
    assertThat(Firetap.global()).isEmpty();
  }

  /** What an interceptor does: enter, run the method, exit, and hand back its outcome. */
  private Object call(Interceptor interceptor, String name, Object... arguments) throws Throwable {
    Method method = method(name);
    AnnotatedCall call =
        AnnotatedCall.enter(
            InterceptedMethod.of(interceptor, OrderService.class, method),
            arguments,
            System.nanoTime());
    Object result;
    try {
      result = method.invoke(service, arguments);
    } catch (InvocationTargetException e) {
      if (call != null) {
        call.exit(null, e.getCause(), System.nanoTime());
      }
      throw e.getCause();
    }
    if (call != null) {
      call.exit(result, null, System.nanoTime());
    }
    return result;
  }

  private static Throwable catchThrowable(ThrowingCall call) {
    try {
      call.run();
    } catch (Throwable e) {
      return e;
    }
    throw new AssertionError("expected the call to throw");
  }

  private interface ThrowingCall {
    void run() throws Throwable;
  }

  private static Method method(String name) {
    for (Method method : OrderService.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError("OrderService has no method " + name);
  }

  private LogEvent single(String level) {
    await().until(() -> streams.length("firetap:logs:" + level) >= 1);
    List<String> events = streams.events("firetap:logs:" + level);
    assertThat(events).hasSize(1);
    return EventCodec.decodeLog(events.get(0).getBytes(StandardCharsets.UTF_8));
  }
}

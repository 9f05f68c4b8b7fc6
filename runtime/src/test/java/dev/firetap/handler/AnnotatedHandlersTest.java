package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.internal.AnnotatedHandlers;
import dev.firetap.handler.internal.HandlerTarget;
import dev.firetap.redis.StreamKeys;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnotatedHandlersTest {
  public static final class Handlers {
    @OnChange(id = "orders-created", collection = "orders", ops = Operation.CREATE)
    public void created(ChangeEvent event) {}

    @OnLog(id = "payment-errors", level = Level.ERROR, event = "payment.*")
    public void paymentFailed(LogEvent event, Delivery delivery) {}
  }

  public static final class WrongSignature {
    @OnChange(id = "wrong", collection = "orders")
    public void handle(LogEvent event) {}
  }

  public static final class NotPublic {
    @OnChange(id = "hidden", collection = "orders")
    void handle(ChangeEvent event) {}
  }

  @Test
  void findsEachAnnotatedMethodWithItsIdStreamAndFilter() {
    List<AnnotatedHandlers.Found> found = AnnotatedHandlers.of(new Handlers());

    StreamKeys keys = new StreamKeys("firetap");
    assertThat(found)
        .extracting(AnnotatedHandlers.Found::id)
        .containsExactly("orders-created", "payment-errors");
    HandlerTarget.Changes changes = (HandlerTarget.Changes) found.get(0).target();
    assertThat(changes.streams(keys)).containsExactly("firetap:cdc:orders");
    assertThat(changes.ops()).isEqualTo(Set.of(Operation.CREATE));
    HandlerTarget.Logs logs = (HandlerTarget.Logs) found.get(1).target();
    assertThat(logs.streams(keys)).containsExactly("firetap:logs:error");
    assertThat(logs.events().matches("payment.failed")).isTrue();
    assertThat(logs.events().matches("order.failed")).isFalse();
  }

  @Test
  void rejectsAMethodWithAnotherSignatureNamingTheMethod() {
    WrongSignature bean = new WrongSignature();

    assertThatThrownBy(() -> AnnotatedHandlers.of(bean))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "handler method "
                + WrongSignature.class.getName()
                + ".handle must take (ChangeEvent) or (ChangeEvent, Delivery), takes [LogEvent]");
  }

  @Test
  void rejectsANonPublicMethod() {
    NotPublic bean = new NotPublic();

    assertThatThrownBy(() -> AnnotatedHandlers.of(bean))
        .hasMessageEndingWith(".handle must be a public instance method");
  }

  @Test
  void rejectsAnObjectWithoutHandlers() {
    Object bean = new Object();

    assertThatThrownBy(() -> AnnotatedHandlers.of(bean))
        .hasMessage("java.lang.Object has no public method annotated @OnChange or @OnLog");
  }
}

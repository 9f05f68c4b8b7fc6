package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Level;
import dev.firetap.event.Operation;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandlerRuntimeBuilderTest {
  private final HandlerRuntime.Builder builder = HandlerRuntime.builder(FiretapConfig.defaults());

  @Test
  void rejectsADuplicateHandlerId() {
    builder.onChange("audit", "orders", Set.of(Operation.CREATE), (event, delivery) -> {});

    assertThatThrownBy(() -> builder.onLog("audit", Level.ERROR, "*", (event, delivery) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handler id 'audit' is registered twice; each handler needs its own id");
  }

  @Test
  void rejectsAnIdWithCharactersOutsideTheAllowedSet() {
    assertThatThrownBy(() -> builder.onLog("audit:errors", Level.ERROR, "*", (e, d) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "handler id must be 1 to 100 of the characters A-Z a-z 0-9 _ . -, got 'audit:errors'");
  }

  @Test
  void rejectsAnEmptySetOfOperations() {
    assertThatThrownBy(() -> builder.onChange("audit", "orders", Set.of(), (e, d) -> {}))
        .hasMessage(
            "change handler ops must name at least one of create, update, delete, got none");
  }

  @Test
  void rejectsOptionsForAnUnregisteredHandlerAtStart() {
    builder.onLog("audit", Level.ERROR, "*", (event, delivery) -> {});
    builder.options("mail", HandlerOptions.defaults());

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "options given for handler 'mail', which is not registered; registered: [audit]");
  }

  @Test
  void refusesToStartWithoutHandlers() {
    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no handler registered: call onChange, onLog or register before start");
  }
}

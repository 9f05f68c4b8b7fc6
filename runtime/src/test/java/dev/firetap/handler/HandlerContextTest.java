package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.config.FiretapConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandlerContextTest {
  private final HandlerContext context = new HandlerContext(FiretapConfig.defaults());
  private final List<String> closed = new ArrayList<>();

  @Test
  void makesEachSharedResourceOnceAndHandsOutTheSameInstance() {
    AtomicInteger made = new AtomicInteger();

    First first = context.shared(First.class, c -> new First(closed, made.incrementAndGet()));
    First again = context.shared(First.class, c -> new First(closed, made.incrementAndGet()));

    assertThat(again).isSameAs(first);
    assertThat(made).hasValue(1);
  }

  @Test
  void closesTheResourcesLastCreatedFirst() {
    context.shared(First.class, c -> new First(closed, 1));
    context.shared(Second.class, c -> new Second(closed));

    context.close();

    assertThat(closed).containsExactly("second", "first");
  }

  @Test
  void closesTheOtherResourcesWhenOneFailsToClose() {
    context.shared(First.class, c -> new First(closed, 1));
    context.shared(Failing.class, c -> new Failing());

    context.close();

    assertThat(closed).containsExactly("first");
  }

  @Test
  void refusesToShareOnceClosed() {
    context.close();

    assertThatThrownBy(() -> context.shared(Second.class, c -> new Second(closed)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "handler context is closed: no " + Second.class.getName() + " can be shared any more");
  }

  private record First(List<String> closed, int number) implements AutoCloseable {
    @Override
    public void close() {
      closed.add("first");
    }
  }

  private record Second(List<String> closed) implements AutoCloseable {
    @Override
    public void close() {
      closed.add("second");
    }
  }

  private static final class Failing implements AutoCloseable {
    @Override
    public void close() {
      throw new IllegalStateException("cannot close");
    }
  }
}

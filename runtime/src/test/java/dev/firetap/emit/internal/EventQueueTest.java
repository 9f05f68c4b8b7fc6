package dev.firetap.emit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void refusesEventsBeyondItsCapacityAndTakesThemOldestFirst() throws Exception {
    EventQueue queue = new EventQueue(2);

    assertThat(queue.offer("a")).isTrue();
    assertThat(queue.offer("b")).isTrue();
    assertThat(queue.offer("c")).isFalse();
    assertThat(queue.size()).isEqualTo(2);

    assertThat(queue.poll(0, TimeUnit.MILLISECONDS)).isEqualTo("a");
    assertThat(queue.offer("c")).isTrue();
    List<Object> rest = new ArrayList<>();
    assertThat(queue.drainTo(rest, 10)).isEqualTo(2);
    assertThat(rest).containsExactly("b", "c");
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void countsOnlyTheEventsItAccepted() throws Exception {
    EventQueue queue = new EventQueue(1);

    queue.offer("a");
    queue.offer("refused");
    queue.poll(0, TimeUnit.MILLISECONDS);
    queue.offer("b");

    assertThat(queue.addedCount()).isEqualTo(2);
  }

  @Test
  void drainsAtMostTheNumberAskedAndClearsTheRest() {
    EventQueue queue = new EventQueue(10);
    for (int i = 0; i < 5; i++) {
      queue.offer(i);
    }
    List<Object> some = new ArrayList<>();

    assertThat(queue.drainTo(some, 3)).isEqualTo(3);
    queue.clear();

    assertThat(some).containsExactly(0, 1, 2);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.size()).isZero();
  }

  @Test
  void pollGivesUpAfterItsTimeoutWhenNothingComes() throws Exception {
    EventQueue queue = new EventQueue(1);

    assertThat(queue.poll(20, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aSleepingTakerIsWokenByTheNextEvent() throws Exception {
    EventQueue queue = new EventQueue(1);
    CountDownLatch polling = new CountDownLatch(1);
    CompletableFuture<Object> taken =
        CompletableFuture.supplyAsync(
            () -> {
              polling.countDown();
              try {
                return queue.poll(1, TimeUnit.MINUTES);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    polling.await();

    queue.offer("event");

    assertThat(taken.get(30, TimeUnit.SECONDS)).isEqualTo("event");
  }

  @Test
  void losesNothingWithManyAddersAndOneTaker() throws Exception {
    int adders = 4;
    int each = 50_000;
    EventQueue queue = new EventQueue(1024);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < adders; t++) {
      int first = t * each;
      Thread adder =
          new Thread(
              () -> {
                for (int i = first; i < first + each; i++) {
                  while (!queue.offer(i)) {
                    Thread.onSpinWait();
                  }
                }
              });
      threads.add(adder);
      adder.start();
    }
    Set<Object> seen = new HashSet<>();
    List<Object> batch = new ArrayList<>();
    while (seen.size() < adders * each) {
      Object event = queue.poll(30, TimeUnit.SECONDS);
      assertThat(event).as("an event within 30 s; %d seen", seen.size()).isNotNull();
      batch.clear();
      batch.add(event);
      queue.drainTo(batch, 99);
      for (Object taken : batch) {
        assertThat(seen.add(taken)).as("taken once: %s", taken).isTrue();
      }
    }
    for (Thread adder : threads) {
      adder.join();
    }
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void rejectsACapacityBelowOne() {
    assertThatThrownBy(() -> new EventQueue(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queue capacity must be at least 1, got 0");
  }
}

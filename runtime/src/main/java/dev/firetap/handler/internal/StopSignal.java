package dev.firetap.handler.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tells the threads of a handler loop to stop, and wakes those that are waiting. */
final class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);

  void stop() {
    stopped.countDown();
  }

  boolean isStopping() {
    return stopped.getCount() == 0;
  }

  /** Waits for {@code duration}; false when the loop is stopping or the thread was interrupted. */
  boolean pause(Duration duration) {
    try {
      return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

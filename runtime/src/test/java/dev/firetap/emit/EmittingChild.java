package dev.firetap.emit;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The main of a child JVM that emits numbered info events while Redis is down: {@code <count>
 * <exit|hang>}. It prints {@code EMITTED} when done and {@code SPOOLED} once every event is in the
 * spool; with {@code exit} it then returns from main (the shutdown hook closes Firetap), with
 * {@code hang} it waits to be killed. With {@code stay} it waits to be killed right after emitting,
 * delivering what it can.
 */
public final class EmittingChild {
  private EmittingChild() {}

  public static void main(String[] args) throws InterruptedException {
    int count = Integer.parseInt(args[0]);
    Firetap firetap = Firetap.start(FiretapConfig.load());
    for (int i = 0; i < count; i++) {
      firetap.logs().at(Level.INFO, "outage").put("n", i).log();
    }
    System.out.println("EMITTED");
    if (args[1].equals("flush")) {
      System.out.println(
          firetap.emitter().flush(Duration.ofMinutes(1)) ? "FLUSHED" : "NOT FLUSHED");
    }
    if (args[1].equals("stay")) {
      new CountDownLatch(1).await();
    }
    if (!args[1].equals("hang")) {
      return;
    }
    while (firetap.emitter().stats().spooled() < count) {
      LockSupport.parkNanos(1_000_000);
    }
    System.out.println("SPOOLED");
    new CountDownLatch(1).await();
  }
}

package dev.firetap.handler.internal;

import dev.firetap.handler.Delivery;
import io.lettuce.core.XClaimArgs;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one handler on the entries of one thread's share of a batch, one entry at a time: skips
 * duplicates, flags stale changes, retries failures with backoff, and moves entries it gives up on
 * to the dead-letter stream, atomically with their acknowledgement. The share's Redis state comes
 * read with its batch; its successes are acknowledged and recorded together in one atomic script
 * call when it ends, or earlier when a failure makes the thread wait. One thread uses a processor.
 */
final class EntryProcessor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EntryProcessor.class);

  private final LoopContext loop;
  private final HandlerConnection connection;
  private final DeadLetterStore deadLetters;
  private final Backoff backoff;
  private KnownCompletions known = KnownCompletions.initial();

  EntryProcessor(LoopContext loop, HandlerConnection connection, DeadLetterStore deadLetters) {
    this.loop = loop;
    this.connection = connection;
    this.deadLetters = deadLetters;
    this.backoff = new Backoff(loop.options().initialBackoff(), loop.options().maxBackoff());
  }

  /**
   * Processes the entries in order; when the loop stops midway, or the shard's lease is lost, the
   * entries not yet written stay pending. Once the loop is stopping, each entry is written as soon
   * as it has run.
   */
  void process(List<BatchEntry> share, CompletionRecords records) {
    CompletionBatch finished = new CompletionBatch(loop);
    known = known.next(records);
    try {
      for (BatchEntry item : share) {
        if (loop.ownership().isLost()) {
          log.info(
              "handler {}: lost {}; its entries not yet run are left to its new owner",
              loop.handlerId(),
              loop.stream());
          break;
        }
        process(item.entry(), item.decoding(), finished);
        if (loop.stop().isStopping()) {
          // At shutdown, what has run is acknowledged at once, before the timeout may cut it off.
          write(finished);
        }
      }

      write(finished);
    } catch (LoopStopped e) {
      log.debug("handler {}: entries left pending at shutdown", loop.handlerId());
    }
  }

  private void process(StreamEntry entry, Decoding decoding, CompletionBatch finished) {
    if (decoding.failure() != null) {
      deadLetter(entry, decoding.failure(), 0);
      return;
    }
    DecodedEvent event = decoding.event();
    if (!event.wanted()) {
      finished.acknowledge(entry);
    } else if (known.done(event)) {
      log.debug("handler {}: event {} already handled; skipped", loop.handlerId(), event.eventId());
      finished.acknowledge(entry);
    } else {
      runDecoded(entry, event, finished);
    }
  }

  /** Decodes the whole event, dead-lettering it at once when it is invalid, and runs it. */
  private void runDecoded(StreamEntry entry, DecodedEvent event, CompletionBatch finished) {
    DecodedEvent.Invocation invocation;
    try {
      invocation = event.body().decode();
    } catch (RuntimeException e) {
      deadLetter(entry, e, 0);
      return;
    }
    if (run(entry, invocation, known.stale(event), finished)) {
      known.completed(event);
      finished.complete(entry, event);
    }
  }

  /** Runs the handler until it succeeds (true) or the entry is dead-lettered (false). */
  private boolean run(
      StreamEntry entry,
      DecodedEvent.Invocation invocation,
      boolean stale,
      CompletionBatch finished) {
    int maxAttempts = loop.options().maxAttempts();
    for (int attempt = entry.attempt(); ; attempt++) {
      if (attempt > maxAttempts) {
        deadLetter(entry, new TooManyDeliveries(attempt, maxAttempts), attempt - 1);
        return false;
      }
      Throwable failure = invoke(invocation, delivery(entry, attempt, stale));
      if (failure == null) {
        return true;
      }
      if (attempt == maxAttempts) {
        deadLetter(entry, failure, attempt);
        return false;
      }
      log.debug("handler {}: attempt {} of entry {} failed", loop.handlerId(), attempt, entry.id());
      // What succeeded before must not wait for the retries, nor stay pending if the loop stops.
      write(finished);
      if (!loop.stop().pause(backoff.after(attempt))) {
        throw new LoopStopped();
      }
      recordAttempt(entry, attempt + 1);
    }
  }

  private Delivery delivery(StreamEntry entry, int attempt, boolean stale) {
    return new Delivery(loop.handlerId(), loop.stream(), entry.id(), attempt, stale);
  }

  private static Throwable invoke(DecodedEvent.Invocation invocation, Delivery delivery) {
    try {
      invocation.run(delivery);
      return null;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      return e;
    }
  }

  /**
   * Sets the entry's delivery count to the coming attempt, so that a worker taking it over after a
   * crash continues the count, and resets its idle time, so that no worker takes it over meanwhile.
   */
  private void recordAttempt(StreamEntry entry, int attempt) {
    XClaimArgs args = XClaimArgs.Builder.minIdleTime(0).retryCount(attempt);
    connection.call(
        commands -> commands.xclaim(loop.streamKey(), loop.consumer(), args, entry.id()));
  }

  /** Acknowledges and records the finished entries in one atomic script call. */
  private void write(CompletionBatch finished) {
    if (finished.isEmpty()) {
      return;
    }
    connection.pipelined(finished::write);
    log.debug("handler {}: {} entries done", loop.handlerId(), finished.size());
    finished.clear();
  }

  private void deadLetter(StreamEntry entry, Throwable failure, int attempts) {
    deadLetters.move(connection, loop, entry, failure, attempts);
    log.warn(
        "handler {}: entry {} of {} moved to {} after {} attempts: {}",
        loop.handlerId(),
        entry.id(),
        loop.stream(),
        loop.keys().deadLetters(loop.stream(), loop.handlerId()),
        attempts,
        failure.toString());
  }

  @Override
  public void close() {
    connection.close();
  }

  /** The failure recorded for an entry delivered more often than the handler may run it. */
  static final class TooManyDeliveries extends Exception {
    TooManyDeliveries(int deliveries, int maxAttempts) {
      super(
          ("delivered %d times, more than maxAttempts %d allows; a worker probably died while"
                  + " running it")
              .formatted(deliveries, maxAttempts));
    }
  }
}

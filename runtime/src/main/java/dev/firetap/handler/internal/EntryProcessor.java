package dev.firetap.handler.internal;

import dev.firetap.handler.Delivery;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.XClaimArgs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one handler on one entry at a time, on one thread of its loop: skips duplicates, flags stale
 * changes, retries failures with backoff, and then records the completion or moves the entry to the
 * dead-letter stream, each atomically with its acknowledgement.
 */
final class EntryProcessor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EntryProcessor.class);
  private static final byte[] RAISE_HANDLED = script("raise-handled.lua");
  private static final byte[] ONE = Bytes.of("1");

  private final LoopContext loop;
  private final HandlerConnection connection;
  private final DeadLetterStore deadLetters;
  private final Backoff backoff;

  EntryProcessor(LoopContext loop, HandlerConnection connection, DeadLetterStore deadLetters) {
    this.loop = loop;
    this.connection = connection;
    this.deadLetters = deadLetters;
    this.backoff = new Backoff(loop.options().initialBackoff(), loop.options().maxBackoff());
  }

  /** Processes the entry; when the loop stops midway, the entry stays pending. */
  void process(StreamEntry entry, Decoding decoding) {
    try {
      if (decoding.failure() != null) {
        deadLetter(entry, decoding.failure(), 0);
        return;
      }
      DecodedEvent event = decoding.event();
      if (!event.wanted() || alreadyDone(event)) {
        acknowledge(entry);
        return;
      }
      run(entry, event, isStale(event));
    } catch (LoopStopped e) {
      log.debug("handler {}: entry {} left pending at shutdown", loop.handlerId(), entry.id());
    }
  }

  private boolean alreadyDone(DecodedEvent event) {
    byte[] key = Bytes.of(loop.keys().done(loop.handlerId(), event.eventId()));
    boolean done = connection.call(commands -> commands.exists(key)) > 0;
    if (done) {
      log.debug("handler {}: event {} already handled; skipped", loop.handlerId(), event.eventId());
    }
    return done;
  }

  private boolean isStale(DecodedEvent event) {
    if (event.documentPath() == null) {
      return false;
    }
    byte[] key = Bytes.of(loop.keys().handled(loop.handlerId()));
    byte[] path = Bytes.of(event.documentPath());
    byte[] handled = connection.call(commands -> commands.hget(key, path));
    return handled != null && Long.parseLong(Bytes.text(handled)) > event.commitMicros();
  }

  private void run(StreamEntry entry, DecodedEvent event, boolean stale) {
    int maxAttempts = loop.options().maxAttempts();
    for (int attempt = entry.attempt(); ; attempt++) {
      if (attempt > maxAttempts) {
        deadLetter(entry, new TooManyDeliveries(attempt, maxAttempts), attempt - 1);
        return;
      }
      Throwable failure = invoke(event, delivery(entry, attempt, stale));
      if (failure == null) {
        complete(entry, event);
        return;
      }
      if (attempt == maxAttempts) {
        deadLetter(entry, failure, attempt);
        return;
      }
      log.debug("handler {}: attempt {} of entry {} failed", loop.handlerId(), attempt, entry.id());
      if (!loop.stop().pause(backoff.after(attempt))) {
        throw new LoopStopped();
      }
      recordAttempt(entry, attempt + 1);
    }
  }

  private Delivery delivery(StreamEntry entry, int attempt, boolean stale) {
    return new Delivery(loop.handlerId(), loop.stream(), entry.id(), attempt, stale);
  }

  private static Throwable invoke(DecodedEvent event, Delivery delivery) {
    try {
      event.invocation().run(delivery);
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

  private void complete(StreamEntry entry, DecodedEvent event) {
    long retentionMillis = loop.options().dedupeRetention().toMillis();
    byte[] done = Bytes.of(loop.keys().done(loop.handlerId(), event.eventId()));
    byte[][] handled = {Bytes.of(loop.keys().handled(loop.handlerId()))};
    // TODO(#9): these keys lie in different cluster slots; on Redis Cluster this MULTI/EXEC fails.
    connection.transaction(
        commands -> {
          commands.xack(loop.streamKey(), loop.group(), entry.id());
          commands.set(done, ONE, SetArgs.Builder.px(retentionMillis));
          if (event.documentPath() != null) {
            commands.eval(
                RAISE_HANDLED,
                ScriptOutputType.INTEGER,
                handled,
                Bytes.of(event.documentPath()),
                Bytes.of(Long.toString(event.commitMicros())),
                Bytes.of(Long.toString(retentionMillis)));
          }
        });
    log.debug("handler {}: entry {} done", loop.handlerId(), entry.id());
  }

  private void acknowledge(StreamEntry entry) {
    connection.call(commands -> commands.xack(loop.streamKey(), loop.group(), entry.id()));
  }

  private void deadLetter(StreamEntry entry, Throwable failure, int attempts) {
    deadLetters.move(connection, loop, entry, failure, attempts);
    log.warn(
        "handler {}: entry {} of {} moved to {} after {} attempts: {}",
        loop.handlerId(),
        entry.id(),
        loop.stream(),
        loop.keys().deadLetters(loop.handlerId()),
        attempts,
        failure.toString());
  }

  @Override
  public void close() {
    connection.close();
  }

  private static byte[] script(String name) {
    try (InputStream in = EntryProcessor.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the Firetap runtime jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the Firetap runtime jar", e);
    }
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

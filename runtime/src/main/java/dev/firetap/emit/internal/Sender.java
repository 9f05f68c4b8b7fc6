package dev.firetap.emit.internal;

import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.RoutedConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emitter's background thread: takes batches from the spool (older events) or the queue, writes
 * them to Redis, and while Redis is unreachable moves them to the spool and retries with backoff.
 *
 * <p>Order is kept by one rule: events are taken from the queue only while the spool is empty, and
 * a batch that fails goes to the spool before anything newer does.
 */
final class Sender implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;
  private static final long QUEUE_POLL_MILLIS = 50;

  private final SenderSettings settings;
  private final EventQueue queue;
  private final EnvelopeFactory envelopes;
  private final BatchWriter writer;
  private final RedisConnector connector;
  private final EmitterCounters counters;

  private volatile Spool spool;
  private volatile boolean closing;
  private volatile long closeDeadlineNanos;
  private RoutedConnection connection;
  private List<Envelope> retained = List.of();
  private final Deque<Flight> inFlight = new ArrayDeque<>();
  private boolean reachable = true;
  private long outageStartNanos;
  private long backoffMillis = FIRST_BACKOFF_MILLIS;

  Sender(
      SenderSettings settings,
      EventQueue queue,
      EnvelopeFactory envelopes,
      BatchWriter writer,
      RedisConnector connector,
      EmitterCounters counters) {
    this.settings = settings;
    this.queue = queue;
    this.envelopes = envelopes;
    this.writer = writer;
    this.connector = connector;
    this.counters = counters;
  }

  @Override
  public void run() {
    spool = SpoolLocation.open(settings.spoolDir(), settings.service(), settings.spoolMaxBytes());
    while (!finished()) {
      try {
        step();
      } catch (RuntimeException e) {
        log.error("{}: emitter step failed; retrying", settings.service(), e);
        pause(FIRST_BACKOFF_MILLIS);
      }
      counters.reportDrops(settings.service(), false);
    }
    shutdown();
  }

  /**
   * Asks the thread to deliver what it holds within {@code timeout}, then spool the rest and stop.
   */
  void close(Duration timeout) {
    closeDeadlineNanos = System.nanoTime() + timeout.toNanos();
    closing = true;
  }

  long spooled() {
    Spool current = spool;
    return current == null ? 0 : current.size();
  }

  long spoolBytes() {
    Spool current = spool;
    return current == null ? 0 : current.bytes();
  }

  private void step() {
    if (inFlight.isEmpty()) {
      Batch batch = nextBatch();
      if (batch.isEmpty()) {
        return;
      }
      inFlight.add(new Flight(batch, send(batch.envelopes(), true)));
    }
    if (canPipeline()) {
      // Encode and send the next batch while Redis works on the one before it. The script refuses
      // it
      // if that one was not written, so a batch can never overtake an earlier one.
      Batch next = takeFromQueue(0);
      if (!next.isEmpty()) {
        inFlight.add(new Flight(next, send(next.envelopes(), false)));
      }
    }

    Flight head = inFlight.poll();
    Outcome outcome = await(head.written());
    if (outcome == Outcome.WRITTEN) {
      acknowledge(head.batch());
      return;
    }

    holdBack(head.batch());
    while (!inFlight.isEmpty()) {
      holdBack(inFlight.poll().batch());
    }
    if (outcome == Outcome.FAILED && !closing) {
      awaitRetry();
    }
  }

  private boolean canPipeline() {
    return inFlight.size() == 1
        && inFlight.peek().batch().source() == Batch.Source.QUEUE
        && !closing
        && retained.isEmpty()
        && spooled() == 0;
  }

  private boolean finished() {
    if (!closing) {
      return false;
    }
    boolean drained = queue.isEmpty() && retained.isEmpty() && inFlight.isEmpty() && spooled() == 0;
    return drained || !reachable || System.nanoTime() - closeDeadlineNanos > 0;
  }

  private Batch nextBatch() {
    if (!retained.isEmpty()) {
      return new Batch(retained, Batch.Source.MEMORY, 0);
    }
    if (spooled() > 0) {
      if (queue.size() > settings.queueCapacity() / 2) {
        spillQueue();
      }
      return readSpool();
    }
    return takeFromQueue(QUEUE_POLL_MILLIS);
  }

  private Batch takeFromQueue(long waitMillis) {
    Object first;
    try {
      first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Batch.EMPTY;
    }
    if (first == null) {
      return Batch.EMPTY;
    }
    // Sized to what waits, not to the batch size: most batches of a quiet application hold one
    // event, and an empty poll allocates nothing.
    int size = Math.min(settings.batchSize(), queue.size() + 1);
    List<Object> events = new ArrayList<>(size);
    events.add(first);
    queue.drainTo(events, settings.batchSize() - 1);
    return new Batch(encode(events), Batch.Source.QUEUE, 0);
  }

  private List<Envelope> encode(List<Object> events) {
    List<Envelope> encoded = new ArrayList<>(events.size());
    for (Object event : events) {
      try {
        encoded.add(envelopes.envelope(event));
      } catch (RuntimeException e) {
        counters.droppedUnencodable();
        log.error("{}: cannot encode a {}; it is lost", settings.service(), event.getClass(), e);
      }
    }
    return encoded;
  }

  private Batch readSpool() {
    List<byte[]> records;
    try {
      records = spool.peek(settings.batchSize());
    } catch (IOException e) {
      log.error("{}: cannot read the spool {}", settings.service(), spool.directory(), e);
      pause(MAX_BACKOFF_MILLIS);
      return Batch.EMPTY;
    }
    List<Envelope> decoded = new ArrayList<>(records.size());
    for (byte[] record : records) {
      try {
        decoded.add(Envelope.fromBytes(record));
      } catch (IOException e) {
        counters.droppedUnencodable();
        log.error(
            "{}: unreadable record in the spool {}; it is lost",
            settings.service(),
            spool.directory(),
            e);
      }
    }
    return new Batch(decoded, Batch.Source.SPOOL, records.size());
  }

  /**
   * Sends the batch without waiting; connects first when there is no connection yet. Only the first
   * batch in flight may follow a gap in the sequence numbers (events lost or expired before it).
   */
  private CompletableFuture<Long> send(List<Envelope> batch, boolean mayFollowGap) {
    if (batch.isEmpty()) {
      return CompletableFuture.completedFuture(0L);
    }
    try {
      if (connection == null) {
        connection = connector.connectRouted();
      }
      return writer.write(connection, batch, mayFollowGap).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Waits for a write to be taken, refused for a gap, or to fail. */
  private Outcome await(CompletableFuture<Long> written) {
    try {
      written.get(settings.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
      reachable();
      return Outcome.WRITTEN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unreachable(e);
    } catch (ExecutionException e) {
      if (BatchWriter.isGap(e.getCause())) {
        return Outcome.GAP;
      }
      unreachable(e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      unreachable(e);
    }
    return Outcome.FAILED;
  }

  private void acknowledge(Batch batch) {
    if (batch.source() == Batch.Source.SPOOL) {
      try {
        spool.remove(batch.spoolRecords());
      } catch (IOException e) {
        // Delivered but still spooled: sent again later, where the producer sequence skips it.
        log.error("{}: cannot advance the spool {}", settings.service(), spool.directory(), e);
      }
    } else if (batch.source() == Batch.Source.MEMORY) {
      retained = List.of();
    }
    counters.emitted(batch.envelopes().size(), local(batch.envelopes()));
    backoffMillis = FIRST_BACKOFF_MILLIS;
  }

  private void holdBack(Batch batch) {
    if (batch.source() != Batch.Source.QUEUE || batch.isEmpty()) {
      return;
    }
    if (spool == null || !appendToSpool(batch.envelopes())) {
      List<Envelope> kept = new ArrayList<>(retained);
      kept.addAll(batch.envelopes());
      retained = kept;
    }
  }

  /** Spools the envelopes; false when the spool failed (the envelopes were not written). */
  private boolean appendToSpool(List<Envelope> batch) {
    List<byte[]> records = new ArrayList<>(batch.size());
    for (Envelope envelope : batch) {
      records.add(envelope.toBytes());
    }
    try {
      int appended = spool.append(records);
      if (appended < batch.size()) {
        List<Envelope> lost = batch.subList(appended, batch.size());
        counters.droppedSpoolFull(lost.size(), local(lost));
        counters.reportDrops(settings.service(), false);
      }
      return true;
    } catch (IOException e) {
      log.error("{}: cannot write to the spool {}", settings.service(), spool.directory(), e);
      return false;
    }
  }

  /** Moves everything queued now to the spool, oldest first. */
  private void spillQueue() {
    List<Object> events = new ArrayList<>(settings.batchSize());
    while (queue.drainTo(events, settings.batchSize()) > 0) {
      List<Envelope> batch = encode(events);
      if (!appendToSpool(batch)) {
        counters.droppedSpoolFull(batch.size(), local(batch));
      }
      events.clear();
    }
  }

  private void awaitRetry() {
    long jitter = ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1);
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis / 2 + jitter);
    while (!closing && System.nanoTime() - until < 0) {
      if (spool != null) {
        spillQueue();
      }
      pause(QUEUE_POLL_MILLIS);
    }
    backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
  }

  private void reachable() {
    counters.connected();
    if (!reachable) {
      reachable = true;
      log.info(
          "{}: Redis at {} reachable again after {} ms; delivering {} spooled events",
          settings.service(),
          connector.endpoint(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStartNanos),
          spooled());
    }
  }

  private void unreachable(Throwable error) {
    counters.failed(error);
    if (reachable) {
      reachable = false;
      outageStartNanos = System.nanoTime();
      log.warn(
          "{}: cannot write to Redis at {} ({}); events wait in the queue and spill to {}",
          settings.service(),
          connector.endpoint(),
          error.toString(),
          spool == null ? "nowhere (no spool)" : spool.directory());
    } else {
      log.debug(
          "{}: Redis at {} still unreachable", settings.service(), connector.endpoint(), error);
    }
  }

  private void shutdown() {
    while (!inFlight.isEmpty()) {
      holdBack(inFlight.poll().batch());
    }
    if (!retained.isEmpty() && spool != null && appendToSpool(retained)) {
      retained = List.of();
    }
    if (spool != null) {
      spillQueue();
    }
    int lost = retained.size() + queue.size();
    if (lost > 0) {
      counters.droppedSpoolFull(lost, lost);
      queue.clear();
    }
    counters.reportDrops(settings.service(), true);
    closeQuietly();
  }

  private void closeQuietly() {
    Spool current = spool;
    if (current != null) {
      if (current.size() > 0) {
        log.info(
            "{}: {} events wait in the spool {} for the next start",
            settings.service(),
            current.size(),
            current.directory());
      }
      try {
        current.close();
      } catch (IOException e) {
        log.warn("{}: cannot close the spool {}", settings.service(), current.directory(), e);
      }
    }
    if (connection != null) {
      // Closed here rather than with its connector: a cluster connection closed by the client's
      // shutdown closes its node connections twice, each time with a WARN from Lettuce.
      connection.close();
    }
  }

  private int local(List<Envelope> batch) {
    int local = 0;
    for (Envelope envelope : batch) {
      if (envelope.producerId().equals(envelopes.producerId())) {
        local++;
      }
    }
    return local;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What became of a write. */
  private enum Outcome {
    WRITTEN,
    GAP,
    FAILED
  }

  /** A batch sent to Redis whose reply has not been awaited yet. */
  private record Flight(Batch batch, CompletableFuture<Long> written) {}

  /** Where a batch came from decides what acknowledging it or holding it back means. */
  private record Batch(List<Envelope> envelopes, Source source, int spoolRecords) {
    static final Batch EMPTY = new Batch(List.of(), Source.QUEUE, 0);

    boolean isEmpty() {
      return envelopes.isEmpty() && spoolRecords == 0;
    }

    enum Source {
      QUEUE,
      SPOOL,
      MEMORY
    }
  }
}

package dev.firetap.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Follows one or more streams, such as the shard streams of a collection, with plain XREAD (no
 * consumer group, so it acknowledges nothing and takes no event from a handler), and hands their
 * entries over merged in entry id order, the order in which Redis added them. Each stream's entries
 * keep their stream order, so the events of one document, which all live on one shard, stay in
 * order.
 *
 * <p>A backlog merges exactly: an entry goes out once every other stream has a later entry in hand
 * or has been read to its end. While following live, a stream whose blocking read still waits
 * counts as read to its end, so an entry that lands there a moment after a later-numbered one on
 * another stream comes after it.
 *
 * <p>On one server a single XREAD covers every stream. In a cluster, where one command names keys
 * of one slot only, each stream gets a connection of its own to its slot's master, and their
 * blocking reads wait side by side. The connections are the tail's own: XREAD blocks them while
 * waiting, and the connector's timeout must allow for {@link #BLOCK} (see {@link
 * RedisConnector#RedisConnector(RedisEndpoint, Duration, Duration)}).
 */
public final class MergedTail implements AutoCloseable {
  /** How long one round of reads waits for new entries. */
  public static final Duration BLOCK = Duration.ofSeconds(1);

  private static final int PAGE = 100;
  private static final String START = "0-0";

  private final List<Reader> readers = new ArrayList<>();
  private final List<Cursor> cursors = new ArrayList<>();

  /**
   * Opens the connections for {@code streams}, read from their end until {@link #start} or {@link
   * #startAfter} says otherwise.
   *
   * @throws IllegalArgumentException if {@code streams} is empty
   * @throws RedisException when Redis cannot be reached
   */
  public MergedTail(RedisConnector connector, List<String> streams) {
    Objects.requireNonNull(connector, "connector");
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("a tail needs at least one stream");
    }
    streams.forEach(stream -> cursors.add(new Cursor(stream)));
    try {
      if (connector.cluster()) {
        cursors.forEach(cursor -> readers.add(new Reader(connector, List.of(cursor))));
      } else {
        readers.add(new Reader(connector, cursors));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts every stream from its oldest entry, or after its newest (what XREAD's {@code $} means,
   * fixed now so that no entry is missed between two reads).
   *
   * @return per stream, in the given order, the id after which it is read
   */
  public Map<String, String> start(boolean fromStart) {
    for (Reader reader : readers) {
      for (Cursor cursor : reader.cursors) {
        cursor.restart(fromStart ? START : reader.newestId(cursor));
      }
    }
    return positions();
  }

  /**
   * Reads each stream after the id given for it; a stream without one starts after its newest.
   *
   * @param after per stream name, the last entry id already seen
   */
  public void startAfter(Map<String, String> after) {
    start(false);
    cursors.forEach(cursor -> cursor.restart(after.getOrDefault(cursor.stream, cursor.position)));
  }

  private Map<String, String> positions() {
    Map<String, String> positions = new LinkedHashMap<>();
    cursors.forEach(cursor -> positions.put(cursor.stream, cursor.position));
    return positions;
  }

  /**
   * The next entries in merged order, waiting up to about {@link #BLOCK} for new ones; empty when
   * none arrived. An entry without an event field has an empty event.
   *
   * @throws RedisCommandInterruptedException when the thread is interrupted while waiting
   * @throws RedisException when a read fails
   */
  public List<Entry> next() {
    readStreamsBehind();
    List<Entry> merged = merge();
    if (!merged.isEmpty()) {
      return merged;
    }
    awaitNewEntries();
    return merge();
  }

  /**
   * Hands each entry to {@code sink}, waiting for new entries, until {@code count} entries were
   * handed over (0: until the thread is interrupted).
   */
  public void follow(long count, Consumer<Entry> sink) {
    long seen = 0;
    while ((count == 0 || seen < count) && !Thread.currentThread().isInterrupted()) {
      List<Entry> page;
      try {
        page = next();
      } catch (RedisCommandInterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (Entry entry : page) {
        sink.accept(entry);
        if (++seen == count) {
          return;
        }
      }
    }
  }

  /**
   * Reads, without blocking, every stream that holds more than was read and has nothing in hand.
   */
  private void readStreamsBehind() {
    harvest();
    List<Reader> reading = new ArrayList<>();
    for (Reader reader : readers) {
      List<Cursor> behind =
          reader.cursors.stream().filter(cursor -> !cursor.atEnd && cursor.isEmpty()).toList();
      if (!behind.isEmpty() && reader.read(behind, null)) {
        reading.add(reader);
      }
    }
    for (Reader reader : reading) {
      reader.collect(await(reader.reading, timeoutOf(reader)));
    }
  }

  /** Starts a blocking read on every idle connection and waits until any of them answers. */
  private void awaitNewEntries() {
    List<CompletableFuture<?>> reading = new ArrayList<>();
    for (Reader reader : readers) {
      reader.read(reader.cursors, BLOCK);
      reading.add(reader.reading);
    }
    CompletableFuture<?> any = CompletableFuture.anyOf(reading.toArray(CompletableFuture[]::new));
    try {
      any.get(BLOCK.multipliedBy(2).toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Nothing yet, or a failed read, which harvest reports.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisCommandInterruptedException(e);
    }
    harvest();
  }

  /** Takes in the answers of the reads that have finished. */
  private void harvest() {
    for (Reader reader : readers) {
      if (reader.reading != null && reader.reading.isDone()) {
        reader.collect(await(reader.reading, Duration.ZERO));
      }
    }
  }

  private static Duration timeoutOf(Reader reader) {
    return reader.connection.getTimeout().plus(BLOCK);
  }

  private static <T> T await(CompletableFuture<T> reply, Duration timeout) {
    try {
      return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RedisException failure
          ? failure
          : new RedisException(e.getCause());
    } catch (TimeoutException e) {
      throw new RedisException("XREAD got no reply within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisCommandInterruptedException(e);
    }
  }

  /** Hands over entries in id order for as long as no stream might still hold an earlier one. */
  private List<Entry> merge() {
    List<Entry> merged = new ArrayList<>();
    while (true) {
      Cursor first = null;
      for (Cursor cursor : cursors) {
        if (cursor.isEmpty()) {
          if (!cursor.atEnd) {
            return merged;
          }
        } else if (first == null || cursor.head().compareTo(first.head()) < 0) {
          first = cursor;
        }
      }
      if (first == null) {
        return merged;
      }
      merged.add(first.inHand.poll().entry());
    }
  }

  /** Closes the connections; a read still waiting ends with them. Never throws. */
  @Override
  public void close() {
    readers.forEach(Reader::close);
  }

  /**
   * One stream entry.
   *
   * @param stream the stream it was read from
   * @param id the entry id
   * @param event the event JSON of its {@code event} field
   */
  public record Entry(String stream, String id, byte[] event) {}

  /** An entry read but not handed over yet, with its id in numbers for ordering. */
  private record Pending(Entry entry, long millis, long sequence) implements Comparable<Pending> {
    static Pending of(Entry entry) {
      int dash = entry.id().indexOf('-');
      return new Pending(
          entry,
          Long.parseLong(entry.id().substring(0, dash)),
          Long.parseLong(entry.id().substring(dash + 1)));
    }

    @Override
    public int compareTo(Pending other) {
      int byTime = Long.compare(millis, other.millis);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  /** Where the tail is in one stream: the last id read, and what was read but not handed over. */
  private static final class Cursor {
    private final String stream;
    private final byte[] key;
    private final ArrayDeque<Pending> inHand = new ArrayDeque<>();
    private String position = START;
    private boolean atEnd;

    Cursor(String stream) {
      this.stream = stream;
      this.key = stream.getBytes(StandardCharsets.UTF_8);
    }

    void restart(String after) {
      position = after;
      inHand.clear();
      atEnd = false;
    }

    boolean isEmpty() {
      return inHand.isEmpty();
    }

    Pending head() {
      return inHand.peek();
    }

    XReadArgs.StreamOffset<byte[]> offset() {
      return XReadArgs.StreamOffset.from(key, position);
    }

    /** Takes in one read's entries of this stream; fewer than a page means its end was reached. */
    void add(List<StreamMessage<byte[], byte[]>> messages) {
      for (StreamMessage<byte[], byte[]> message : messages) {
        byte[] event = StreamEntries.event(message.getBody());
        inHand.add(Pending.of(new Entry(stream, message.getId(), event)));
        position = message.getId();
      }
      atEnd = messages.size() < PAGE;
    }
  }

  /** One connection and the streams it reads, with its read in flight, if any. */
  private static final class Reader {
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final List<Cursor> cursors;
    private List<Cursor> readCursors = List.of();
    private CompletableFuture<List<StreamMessage<byte[], byte[]>>> reading;

    Reader(RedisConnector connector, List<Cursor> cursors) {
      this.connection = connector.connectForKey(cursors.get(0).stream);
      this.cursors = cursors;
    }

    String newestId(Cursor cursor) {
      List<StreamMessage<byte[], byte[]>> newest =
          connection.sync().xrevrange(cursor.key, Range.unbounded(), Limit.from(1));
      return newest.isEmpty() ? START : newest.get(0).getId();
    }

    /**
     * Starts a read of {@code streams}, blocking for up to {@code block} when not null, unless one
     * is in flight. True when it started one.
     */
    @SuppressWarnings("unchecked") // the varargs array of stream offsets
    boolean read(List<Cursor> streams, Duration block) {
      if (reading != null) {
        return false;
      }
      XReadArgs args = XReadArgs.Builder.count(PAGE);
      if (block != null) {
        args.block(block);
      }
      XReadArgs.StreamOffset<byte[]>[] offsets =
          streams.stream().map(Cursor::offset).toArray(XReadArgs.StreamOffset[]::new);
      readCursors = streams;
      reading = connection.async().xread(args, offsets).toCompletableFuture();
      return true;
    }

    /** Takes in the answer of the read in flight, which has arrived. */
    void collect(List<StreamMessage<byte[], byte[]>> messages) {
      reading = null;
      Map<String, List<StreamMessage<byte[], byte[]>>> byStream = new LinkedHashMap<>();
      for (StreamMessage<byte[], byte[]> message : messages) {
        String stream = new String(message.getStream(), StandardCharsets.UTF_8);
        byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(message);
      }
      for (Cursor cursor : readCursors) {
        cursor.add(byStream.getOrDefault(cursor.stream, List.of()));
      }
    }

    void close() {
      try {
        connection.close();
      } catch (RuntimeException e) {
        // Closing a broken connection may fail; it is gone either way.
      }
    }
  }
}

package dev.firetap.emit.internal;

import dev.firetap.emit.internal.FrameReader.Frame;
import dev.firetap.emit.internal.SpoolCursor.Position;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable FIFO queue of opaque records in segment files of one directory, where the emitter keeps
 * events while Redis is unreachable.
 *
 * <p>Delivery is {@link #peek} a batch, send it, then {@link #remove} exactly that many. Records
 * appended and not removed survive a restart, also after the process was killed: every append is
 * handed to the OS before {@link #append} returns, and a segment is forced to disk when it is
 * closed. The total size of the segment files never exceeds {@code maxBytes}; removed records free
 * their space when their whole segment has been removed.
 *
 * <p>One thread sends; every method is safe to call from any thread, and {@link #size()}, {@link
 * #bytes()} and {@link #isEmpty()} never block.
 */
final class Spool implements Closeable {
  static final long MIN_SEGMENT_BYTES = 64 * 1024;
  static final long MAX_DEFAULT_SEGMENT_BYTES = 16 * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(Spool.class);

  /** One segment file; {@code length} counts its intact frames only. */
  private static final class Segment {
    private final long sequence;
    private final Path path;
    private long length;

    private Segment(long sequence, Path path, long length) {
      this.sequence = sequence;
      this.path = path;
      this.length = length;
    }
  }

  private final Path directory;
  private final long maxBytes;
  private final long segmentBytes;
  private final FileChannel lockChannel;
  private final SpoolCursor cursor;
  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  private final List<Position> peekedEnds = new ArrayList<>();
  private FileChannel tail;
  private long nextSequence;
  private long headOffset;
  private long fileBytes;
  private boolean closed;
  private volatile long size;
  private volatile long bytes;
  private volatile long corruptedRecords;

  private Spool(Path directory, long maxBytes, long segmentBytes, FileChannel lockChannel) {
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    this.lockChannel = lockChannel;
    this.cursor = new SpoolCursor(directory);
  }

  /**
   * Opens the spool in a directory, creating the directory if it is missing, and recovers what an
   * earlier process left there. Unreadable content is dropped and logged, never thrown.
   *
   * @param maxBytes the limit on the total size of the segment files
   * @throws SpoolLockedException if another spool, in this or another process, has the directory
   *     open
   */
  static Spool open(Path directory, long maxBytes) throws IOException {
    return open(directory, maxBytes, defaultSegmentBytes(maxBytes));
  }

  /** Like {@link #open(Path, long)}, with a chosen segment size instead of the default. */
  static Spool open(Path directory, long maxBytes, long segmentBytes) throws IOException {
    Objects.requireNonNull(directory, "directory");
    requirePositive("maxBytes", maxBytes);
    requirePositive("segmentBytes", segmentBytes);
    Files.createDirectories(directory);
    FileChannel lockChannel =
        FileChannel.open(
            directory.resolve(SpoolFormat.LOCK_FILE),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    try {
      lock(lockChannel, directory);
      Spool spool = new Spool(directory, maxBytes, segmentBytes, lockChannel);
      spool.recover();
      return spool;
    } catch (IOException | RuntimeException e) {
      closeAfterFailure(lockChannel, e);
      throw e;
    }
  }

  /** The default segment size: a quarter of {@code maxBytes}, between 64 KiB and 16 MiB. */
  static long defaultSegmentBytes(long maxBytes) {
    return Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_DEFAULT_SEGMENT_BYTES, maxBytes / 4));
  }

  /**
   * Appends records in order while they fit under {@code maxBytes} and rejects the rest; old
   * records are never dropped to make room.
   *
   * @return how many of the records, from the first on, were appended
   * @throws IOException if writing failed before any record was appended; a failure after that ends
   *     the append and the count says how far it got
   */
  synchronized int append(List<byte[]> records) throws IOException {
    Objects.requireNonNull(records, "records");
    records.forEach(record -> Objects.requireNonNull(record, "records must not contain null"));
    requireOpen();
    int appended = 0;
    for (byte[] record : records) {
      if (fileBytes + SpoolFormat.frameBytes(record) > maxBytes) {
        break;
      }
      try {
        write(record);
      } catch (IOException e) {
        return afterFailedWrite(appended, e);
      }
      appended++;
    }
    return appended;
  }

  /**
   * Reads up to {@code max} records from the head without removing them; peeking again before
   * {@link #remove} returns the same records.
   *
   * @throws IOException if reading fails, or if a record changed on disk after it was verified
   */
  synchronized List<byte[]> peek(int max) throws IOException {
    requireOpen();
    if (max < 0) {
      throw new IllegalArgumentException("max must be 0 or more, got " + max);
    }
    List<byte[]> records = new ArrayList<>();
    List<Position> ends = new ArrayList<>();
    readFrom(headPosition(), (int) Math.min(max, size), records, ends);
    peekedEnds.clear();
    peekedEnds.addAll(ends);
    return Collections.unmodifiableList(records);
  }

  /**
   * Removes the first {@code count} records durably: after a restart they are gone.
   *
   * @throws IllegalArgumentException if {@code count} is negative or more than {@link #size()}
   */
  synchronized void remove(int count) throws IOException {
    requireOpen();
    if (count < 0 || count > size) {
      throw new IllegalArgumentException(
          "count must be between 0 and size() = " + size + ", got " + count);
    }
    if (count == 0) {
      return;
    }
    Position newHead = positionAfter(count);
    cursor.write(newHead);
    moveHead(newHead, count);
    releaseConsumedSegments();
  }

  /** The number of records in the spool. */
  long size() {
    return size;
  }

  /** The bytes on disk of the records in the spool, framing included. */
  long bytes() {
    return bytes;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Records dropped at open because their segment was corrupt (an estimate, see the log). */
  long corruptedRecords() {
    return corruptedRecords;
  }

  Path directory() {
    return directory;
  }

  /** Forces the newest segment to disk and releases the directory; the records stay. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeTail(true);
    } finally {
      lockChannel.close();
    }
  }

  private void recover() throws IOException {
    Position start = cursor.read().orElse(new Position(-1, 0));
    TreeMap<Long, Path> files = listSegments();
    long records = 0;
    long lost = 0;
    for (var entry : files.entrySet()) {
      if (entry.getKey() < start.segment()) {
        Files.delete(entry.getValue());
        continue;
      }
      boolean atCursor = entry.getKey() == start.segment();
      boolean last = entry.getKey().equals(files.lastKey());
      SegmentScan scan = SegmentScan.scan(entry.getValue(), last, atCursor ? start.offset() : 0);
      segments.addLast(new Segment(entry.getKey(), entry.getValue(), scan.length()));
      fileBytes += scan.length();
      records += scan.records() - scan.recordsBefore();
      lost += scan.lostRecords();
      headOffset = atCursor ? scan.resumeOffset() : headOffset;
    }
    nextSequence = Math.max(start.segment() + 1, files.isEmpty() ? 0 : files.lastKey() + 1);
    size = records;
    corruptedRecords = lost;
    releaseConsumedSegments();
    logRecovered();
  }

  private TreeMap<Long, Path> listSegments() throws IOException {
    TreeMap<Long, Path> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(directory)) {
      for (Path file : (Iterable<Path>) listing::iterator) {
        OptionalLong sequence = SpoolFormat.segmentSequence(file);
        sequence.ifPresent(value -> files.put(value, file));
      }
    }
    return files;
  }

  private void logRecovered() {
    if (size > 0) {
      log.info(
          "Spool {}: {} records ({} bytes) from an earlier run are waiting for delivery",
          directory,
          size,
          bytes);
    }
  }

  private void write(byte[] record) throws IOException {
    long frameBytes = SpoolFormat.frameBytes(record);
    Segment segment = writableSegment(frameBytes);
    ByteBuffer header = ByteBuffer.allocate(SpoolFormat.HEADER_BYTES);
    header.putInt(record.length).putInt(SpoolFormat.checksum(record)).flip();
    ByteBuffer payload = ByteBuffer.wrap(record);
    try {
      while (header.hasRemaining() || payload.hasRemaining()) {
        tail.write(new ByteBuffer[] {header, payload});
      }
    } catch (IOException e) {
      // The reopened tail is cut back to segment.length, so a partial frame is never followed.
      closeTailAfterFailure(e);
      throw e;
    }
    segment.length += frameBytes;
    fileBytes += frameBytes;
    size++;
    bytes = fileBytes - headOffset;
  }

  /** The newest segment if the frame fits in it, otherwise a new one; its channel is open. */
  private Segment writableSegment(long frameBytes) throws IOException {
    Segment last = segments.peekLast();
    if (last != null && (last.length == 0 || last.length + frameBytes <= segmentBytes)) {
      if (tail == null) {
        tail = FileChannel.open(last.path, StandardOpenOption.WRITE);
        tail.truncate(last.length);
        tail.position(last.length);
      }
      return last;
    }
    closeTail(true);
    Segment created =
        new Segment(nextSequence, SpoolFormat.segmentPath(directory, nextSequence), 0);
    tail = FileChannel.open(created.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    nextSequence++;
    segments.addLast(created);
    return created;
  }

  private int afterFailedWrite(int appended, IOException failure) throws IOException {
    if (appended == 0) {
      throw failure;
    }
    log.warn(
        "Spool {}: writing failed after {} records of an append; the rest is rejected",
        directory,
        appended,
        failure);
    return appended;
  }

  private Position headPosition() {
    Segment head = segments.peekFirst();
    return head == null ? new Position(nextSequence, 0) : new Position(head.sequence, headOffset);
  }

  /** The position just after the first {@code count} records, reusing what peek found. */
  private Position positionAfter(int count) throws IOException {
    if (count <= peekedEnds.size()) {
      return peekedEnds.get(count - 1);
    }
    List<Position> ends = new ArrayList<>();
    Position from = peekedEnds.isEmpty() ? headPosition() : peekedEnds.get(peekedEnds.size() - 1);
    readFrom(from, count - peekedEnds.size(), new ArrayList<>(), ends);
    return ends.get(ends.size() - 1);
  }

  /** Reads up to {@code max} records from a position on, collecting payloads and end positions. */
  private void readFrom(Position from, int max, List<byte[]> payloads, List<Position> ends)
      throws IOException {
    for (Segment segment : segments) {
      if (ends.size() >= max) {
        return;
      }
      if (segment.sequence >= from.segment()) {
        long start = segment.sequence == from.segment() ? from.offset() : 0;
        readSegment(segment, start, max, payloads, ends);
      }
    }
  }

  private void readSegment(
      Segment segment, long start, int max, List<byte[]> payloads, List<Position> ends)
      throws IOException {
    try (FrameReader reader = FrameReader.open(segment.path, start, segment.length)) {
      for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
        requireValid(segment, frame);
        payloads.add(frame.payload());
        ends.add(new Position(segment.sequence, frame.end()));
        if (ends.size() >= max) {
          return;
        }
      }
    }
  }

  private static void requireValid(Segment segment, Frame frame) throws IOException {
    if (frame.status() != Frame.Status.VALID) {
      throw new IOException(
          "spool segment "
              + segment.path
              + " changed on disk: the record at offset "
              + frame.offset()
              + " is "
              + frame.status()
              + " but was intact when written or when the spool was opened");
    }
  }

  private void moveHead(Position newHead, int count) throws IOException {
    while (!segments.isEmpty() && segments.peekFirst().sequence < newHead.segment()) {
      deleteHeadSegment();
    }
    headOffset = newHead.offset();
    size -= count;
    peekedEnds.subList(0, Math.min(count, peekedEnds.size())).clear();
  }

  /**
   * Deletes head segments whose records are all removed. A drained spool deletes its newest segment
   * too, so its disk space comes back at once; the next append starts a new segment.
   */
  private void releaseConsumedSegments() throws IOException {
    while (!segments.isEmpty() && headOffset == segments.peekFirst().length) {
      deleteHeadSegment();
      headOffset = 0;
    }
    bytes = fileBytes - headOffset;
  }

  private void deleteHeadSegment() throws IOException {
    Segment head = segments.removeFirst();
    if (segments.isEmpty()) {
      closeTail(false);
    }
    Files.deleteIfExists(head.path);
    fileBytes -= head.length;
  }

  private void closeTail(boolean force) throws IOException {
    if (tail == null) {
      return;
    }
    try (FileChannel closing = tail) {
      tail = null;
      if (force) {
        closing.force(true);
      }
    }
  }

  private void closeTailAfterFailure(IOException failure) {
    try {
      closeTail(false);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("spool " + directory + " is closed");
    }
  }

  private static void lock(FileChannel lockChannel, Path directory) throws IOException {
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new SpoolLockedException(directory, e);
    }
    if (lock == null) {
      throw new SpoolLockedException(directory);
    }
  }

  private static void closeAfterFailure(FileChannel channel, Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("spool " + name + " must be positive, got " + value);
    }
  }
}

package dev.firetap.emit.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the frames of one segment file in order, from a start offset up to an end offset, through a
 * read buffer.
 *
 * <p>Bad content never throws: it comes back as a {@link Frame} with a status other than {@link
 * Frame.Status#VALID}. After a frame whose length cannot be trusted the reader stops.
 */
final class FrameReader implements Closeable {
  private static final int BUFFER_BYTES = 64 * 1024;

  /** One frame as found on disk. */
  record Frame(long offset, int length, byte[] payload, Status status) {
    /** What a frame's bytes turned out to be. */
    enum Status {
      VALID,
      /** The header or the payload runs past the end of the data. */
      TRUNCATED,
      /** The length is negative. */
      BAD_LENGTH,
      /** The payload does not match its CRC32. */
      BAD_CHECKSUM
    }

    /** The offset just after this frame; meaningful for VALID and BAD_CHECKSUM frames. */
    long end() {
      return offset + SpoolFormat.HEADER_BYTES + length;
    }

    /** Whether the frame's length is trustworthy enough to find the next frame. */
    boolean framed() {
      return status == Status.VALID || status == Status.BAD_CHECKSUM;
    }
  }

  private final FileChannel channel;
  private final long end;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).limit(0);
  private long readPosition;
  private boolean stopped;

  private FrameReader(FileChannel channel, long start, long end) {
    this.channel = channel;
    this.readPosition = start;
    this.end = end;
  }

  static FrameReader open(Path segment, long start, long end) throws IOException {
    return new FrameReader(FileChannel.open(segment, StandardOpenOption.READ), start, end);
  }

  long end() {
    return end;
  }

  /**
   * The next frame, or null at the end of the data or after a frame that is not {@link
   * Frame#framed() framed}. Payloads of unframed frames are empty.
   */
  Frame next() throws IOException {
    long offset = readPosition - buffer.remaining();
    if (stopped || offset >= end) {
      return null;
    }
    if (end - offset < SpoolFormat.HEADER_BYTES) {
      return stop(offset, Frame.Status.TRUNCATED);
    }
    fill(SpoolFormat.HEADER_BYTES);
    int length = buffer.getInt();
    int checksum = buffer.getInt();
    if (length < 0) {
      return stop(offset, Frame.Status.BAD_LENGTH);
    }
    if (length > end - offset - SpoolFormat.HEADER_BYTES) {
      return stop(offset, Frame.Status.TRUNCATED);
    }
    byte[] payload = readPayload(length);
    boolean intact = SpoolFormat.checksum(payload) == checksum;
    return new Frame(
        offset, length, payload, intact ? Frame.Status.VALID : Frame.Status.BAD_CHECKSUM);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private Frame stop(long offset, Frame.Status status) {
    stopped = true;
    return new Frame(offset, 0, new byte[0], status);
  }

  private byte[] readPayload(int length) throws IOException {
    byte[] payload = new byte[length];
    int buffered = Math.min(length, buffer.remaining());
    buffer.get(payload, 0, buffered);
    int missing = length - buffered;
    if (missing > BUFFER_BYTES) {
      readFully(ByteBuffer.wrap(payload, buffered, missing));
    } else if (missing > 0) {
      fill(missing);
      buffer.get(payload, buffered, missing);
    }
    return payload;
  }

  /** Makes at least {@code count} bytes available in the buffer; the caller checked they exist. */
  private void fill(int count) throws IOException {
    if (buffer.remaining() >= count) {
      return;
    }
    buffer.compact();
    int room = (int) Math.min(buffer.remaining(), end - readPosition);
    buffer.limit(buffer.position() + room);
    readFully(buffer);
    buffer.flip();
  }

  private void readFully(ByteBuffer target) throws IOException {
    while (target.hasRemaining()) {
      int read = channel.read(target, readPosition);
      if (read < 0) {
        throw new EOFException("segment file shrank while being read, at offset " + readPosition);
      }
      readPosition += read;
    }
  }
}

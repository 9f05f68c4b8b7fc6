package dev.firetap.emit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cursor file of a spool: the position of its first unremoved record.
 *
 * <p>The file holds the segment sequence number, the byte offset in that segment and a CRC32 of
 * both. It is replaced with an atomic rename, so a reader sees either the old or the new cursor.
 */
final class SpoolCursor {
  private static final Logger log = LoggerFactory.getLogger(SpoolCursor.class);
  private static final int POSITION_BYTES = 2 * Long.BYTES;
  private static final int FILE_BYTES = POSITION_BYTES + Integer.BYTES;

  /** A place in the spool: a segment sequence number and a byte offset in that segment. */
  record Position(long segment, long offset) {}

  private final Path file;
  private final Path temporaryFile;

  SpoolCursor(Path directory) {
    this.file = directory.resolve(SpoolFormat.CURSOR_FILE);
    this.temporaryFile = directory.resolve(SpoolFormat.CURSOR_FILE + ".tmp");
  }

  /**
   * The stored position, or empty if there is none or it cannot be read (then delivery starts at
   * the oldest record, which may deliver some records twice but loses none).
   */
  Optional<Position> read() throws IOException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(content);
    if (content.length != FILE_BYTES || buffer.getInt(POSITION_BYTES) != checksum(content)) {
      log.warn("Spool cursor {} is unreadable; delivering from the oldest spooled record", file);
      return Optional.empty();
    }
    return Optional.of(new Position(buffer.getLong(), buffer.getLong()));
  }

  /** Replaces the stored position; the new file is handed to the OS but not forced to disk. */
  void write(Position position) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(FILE_BYTES);
    buffer.putLong(position.segment()).putLong(position.offset());
    buffer.putInt(checksum(buffer.array()));
    Files.write(temporaryFile, buffer.array());
    Files.move(
        temporaryFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static int checksum(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content, 0, POSITION_BYTES);
    return (int) crc.getValue();
  }
}

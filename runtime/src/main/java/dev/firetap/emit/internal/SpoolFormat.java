package dev.firetap.emit.internal;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The on-disk layout of a spool: file names and record framing.
 *
 * <p>A segment file holds frames back to back; a frame is {@code [int length][int crc32 of
 * payload][payload]}, big-endian.
 */
final class SpoolFormat {
  static final int HEADER_BYTES = 2 * Integer.BYTES;
  static final String LOCK_FILE = "spool.lock";
  static final String CURSOR_FILE = "cursor";

  private static final Pattern SEGMENT_NAME = Pattern.compile("segment-(\\d{20})\\.log");

  private SpoolFormat() {}

  static Path segmentPath(Path directory, long sequence) {
    return directory.resolve(String.format("segment-%020d.log", sequence));
  }

  /** The sequence number of a segment file, or empty if the file is not a segment. */
  static OptionalLong segmentSequence(Path file) {
    Matcher matcher = SEGMENT_NAME.matcher(file.getFileName().toString());
    return matcher.matches()
        ? OptionalLong.of(Long.parseLong(matcher.group(1)))
        : OptionalLong.empty();
  }

  static long frameBytes(byte[] payload) {
    return HEADER_BYTES + (long) payload.length;
  }

  static int checksum(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    return (int) crc.getValue();
  }
}

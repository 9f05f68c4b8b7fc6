package dev.firetap.emit.internal;

import dev.firetap.emit.internal.FrameReader.Frame;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a spool finds in one segment file when it opens: how many intact records there are, where
 * they end, and where delivery resumes. Cuts the file back to its intact records.
 *
 * @param length bytes of intact records; the file is truncated to this length
 * @param records intact records in the segment
 * @param recordsBefore intact records that start before the resume offset (already removed)
 * @param resumeOffset offset of the first intact record at or after the requested resume offset, or
 *     {@code length} if there is none
 * @param lostRecords records dropped because the segment is corrupt (an estimate when the
 *     corruption hides the framing)
 */
record SegmentScan(
    long length, long records, long recordsBefore, long resumeOffset, long lostRecords) {
  private static final Logger log = LoggerFactory.getLogger(SegmentScan.class);

  /**
   * Scans a segment file.
   *
   * @param last whether this is the newest segment, the only one whose end may hold a record whose
   *     write never completed
   * @param resumeFrom the offset of the cursor in this segment, 0 if the cursor is elsewhere
   */
  static SegmentScan scan(Path segment, boolean last, long resumeFrom) throws IOException {
    long records = 0;
    long recordsBefore = 0;
    long resumeOffset = -1;
    try (FrameReader reader = FrameReader.open(segment, 0, Files.size(segment))) {
      Frame frame = reader.next();
      for (; frame != null && frame.status() == Frame.Status.VALID; frame = reader.next()) {
        records++;
        if (frame.offset() < resumeFrom) {
          recordsBefore++;
        } else if (resumeOffset < 0) {
          resumeOffset = frame.offset();
        }
      }
      long length = frame == null ? reader.end() : frame.offset();
      long lost = frame == null ? 0 : dropFrom(segment, last, frame, reader);
      resumeOffset = resumeOffset < 0 ? length : resumeOffset;
      return new SegmentScan(length, records, recordsBefore, resumeOffset, lost);
    }
  }

  /** Truncates the segment at a bad frame and returns how many records that loses. */
  private static long dropFrom(Path segment, boolean last, Frame bad, FrameReader reader)
      throws IOException {
    long lost = 0;
    if (isTornTail(last, bad, reader.end())) {
      log.warn(
          "Spool segment {}: dropping the record at offset {} whose write never completed",
          segment,
          bad.offset());
    } else {
      lost = countFrames(reader) + 1;
      log.error(
          "Spool segment {} is corrupt at offset {} ({}): dropping about {} records ({} bytes)"
              + " from there to the end of the segment",
          segment,
          bad.offset(),
          bad.status(),
          lost,
          reader.end() - bad.offset());
    }
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.truncate(bad.offset());
    }
    return lost;
  }

  /**
   * A process killed during a write leaves at most the last frame of the newest segment incomplete:
   * its bytes stop early, or its payload is partly written and fails its checksum.
   */
  private static boolean isTornTail(boolean last, Frame bad, long end) {
    return last
        && (bad.status() == Frame.Status.TRUNCATED
            || (bad.status() == Frame.Status.BAD_CHECKSUM && bad.end() == end));
  }

  /** Counts the frames after a corrupt one while their lengths still lead somewhere. */
  private static long countFrames(FrameReader reader) throws IOException {
    long count = 0;
    while (reader.next() != null) {
      count++;
    }
    return count;
  }
}

package dev.firetap.emit.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  /** "record-000" is 10 bytes, so every frame of {@link #numbered} is 18 bytes. */
  private static final int FRAME = 18;

  /** Five numbered frames fit in a segment of this size, a sixth does not. */
  private static final long FIVE_FRAMES = 100;

  @TempDir Path directory;

  @Test
  void keepsOrderAcrossManySegmentRotations() throws IOException {
    List<String> delivered = new ArrayList<>();
    try (Spool spool = Spool.open(directory, MAX_BYTES, 4096)) {
      for (int batch = 0; batch < 50; batch++) {
        spool.append(numbered(batch * 1000, batch * 1000 + 1000));
      }
      long segmentFiles = segmentFiles().size();

      while (!spool.isEmpty()) {
        List<byte[]> records = spool.peek(777);
        delivered.addAll(strings(records));
        spool.remove(records.size());
      }

      assertThat(segmentFiles).isGreaterThan(100);
    }
    assertThat(delivered).isEqualTo(strings(numbered(0, 50_000)));
  }

  @Test
  void peekWithoutRemoveReturnsTheSameRecords() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 12));

      List<byte[]> first = spool.peek(7);
      List<byte[]> second = spool.peek(7);

      assertThat(strings(first)).isEqualTo(strings(second)).isEqualTo(strings(numbered(0, 7)));
      assertThat(spool.size()).isEqualTo(12);
    }
  }

  @Test
  void peekReturnsAtMostWhatTheSpoolHolds() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 3));

      List<byte[]> records = spool.peek(10);

      assertThat(strings(records)).isEqualTo(strings(numbered(0, 3)));
      assertThat(spool.peek(0)).isEmpty();
    }
  }

  @Test
  void removeDropsExactlyTheFirstRecordsWhetherPeekedOrNot() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 20));
      spool.peek(3);

      spool.remove(2);
      spool.remove(6);

      assertThat(strings(spool.peek(100))).isEqualTo(strings(numbered(8, 20)));
    }
  }

  @Test
  void appendAfterPeekDoesNotChangeWhatRemoveRemoves() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 4));
      spool.peek(4);
      spool.append(numbered(4, 9));

      spool.remove(4);

      assertThat(strings(spool.peek(100))).isEqualTo(strings(numbered(4, 9)));
    }
  }

  @Test
  void removeRejectsMoreRecordsThanTheSpoolHolds() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES)) {
      spool.append(numbered(0, 2));

      assertThatThrownBy(() -> spool.remove(3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("count must be between 0 and size() = 2, got 3");
      assertThat(spool.size()).isEqualTo(2);
    }
  }

  @Test
  void reopenAfterCloseKeepsExactlyTheUnremovedRecordsInOrder() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 23));
      spool.remove(spool.peek(7).size());
    }

    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      assertThat(reopened.size()).isEqualTo(16);
      assertThat(reopened.bytes()).isEqualTo(16 * FRAME);
      assertThat(strings(reopened.peek(100))).isEqualTo(strings(numbered(7, 23)));
      assertThat(reopened.corruptedRecords()).isZero();
    }
  }

  @Test
  void reopenAfterAnUncleanStopKeepsEveryAppendedRecord() throws IOException {
    Path copy = directory.resolve("copy");
    try (Spool spool = Spool.open(directory.resolve("spool"), MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 23));
      spool.remove(3);
      copyFiles(spool.directory(), copy);
    }

    try (Spool recovered = Spool.open(copy, MAX_BYTES, FIVE_FRAMES)) {
      assertThat(recovered.size()).isEqualTo(20);
      assertThat(recovered.bytes()).isEqualTo(20 * FRAME);
      assertThat(strings(recovered.peek(100))).isEqualTo(strings(numbered(3, 23)));
    }
  }

  @Test
  void tornTailRecordIsTruncatedAndTheRestIsKept() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 8));
    }
    Path last = segmentFiles().get(segmentFiles().size() - 1);
    long intactLength = Files.size(last);
    appendBytes(last, ByteBuffer.allocate(18).putInt(100).putInt(7).array());

    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      reopened.append(numbered(8, 9));

      assertThat(strings(reopened.peek(100))).isEqualTo(strings(numbered(0, 9)));
      assertThat(reopened.corruptedRecords()).isZero();
      assertThat(Files.size(last)).isEqualTo(intactLength + FRAME);
    }
  }

  @Test
  void tornTailRecordWithABadChecksumIsTruncated() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 8));
    }
    Path last = segmentFiles().get(segmentFiles().size() - 1);
    flipByte(last, Files.size(last) - 1);

    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      assertThat(strings(reopened.peek(100))).isEqualTo(strings(numbered(0, 7)));
      assertThat(reopened.bytes()).isEqualTo(7 * FRAME);
      assertThat(reopened.corruptedRecords()).isZero();
    }
  }

  @Test
  void corruptMiddleRecordSkipsTheRestOfItsSegmentAndCountsTheLoss() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 20));
    }
    flipByte(segmentFiles().get(0), FRAME + SpoolFormat.HEADER_BYTES + 3);

    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      List<String> expected = strings(numbered(0, 1));
      expected.addAll(strings(numbered(5, 20)));

      assertThat(strings(reopened.peek(100))).isEqualTo(expected);
      assertThat(reopened.corruptedRecords()).isEqualTo(4);
      assertThat(reopened.size()).isEqualTo(16);
      assertThat(reopened.bytes()).isEqualTo(16 * FRAME);
    }
  }

  @Test
  void corruptLengthInTheMiddleOfASegmentCountsOneLostRecord() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 10));
    }
    writeInt(segmentFiles().get(0), 2 * FRAME, -5);

    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      List<String> expected = strings(numbered(0, 2));
      expected.addAll(strings(numbered(5, 10)));

      assertThat(strings(reopened.peek(100))).isEqualTo(expected);
      assertThat(reopened.corruptedRecords()).isEqualTo(1);
    }
  }

  @Test
  void cursorAtADeletedSegmentResumesAtTheFirstRecordThatExists() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 20));
      spool.remove(7);
    }
    Files.delete(segmentFiles().get(0));

    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      assertThat(strings(reopened.peek(100))).isEqualTo(strings(numbered(10, 20)));
      assertThat(reopened.size()).isEqualTo(10);
    }
  }

  @Test
  void cursorPastTheDataResumesAtTheNextSegment() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 20));
      spool.remove(8);
    }
    try (FileChannel channel = FileChannel.open(segmentFiles().get(0), StandardOpenOption.WRITE)) {
      channel.truncate(FRAME);
    }

    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      assertThat(strings(reopened.peek(100))).isEqualTo(strings(numbered(10, 20)));
      assertThat(reopened.bytes()).isEqualTo(10 * FRAME);
      assertThat(segmentFiles()).hasSize(2);
    }
  }

  @Test
  void unreadableCursorDeliversFromTheOldestRecord() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 4));
      spool.remove(2);
    }
    Files.write(directory.resolve(SpoolFormat.CURSOR_FILE), new byte[] {1, 2, 3});

    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      assertThat(strings(reopened.peek(100))).isEqualTo(strings(numbered(0, 4)));
    }
  }

  @Test
  void appendRejectsWhatDoesNotFitAndAcceptsAgainOnceASegmentIsFree() throws IOException {
    try (Spool spool = Spool.open(directory, 5 * FRAME, 2 * FRAME)) {
      int firstAppend = spool.append(numbered(0, 7));
      int whenFull = spool.append(numbered(7, 8));
      spool.remove(1);
      int segmentStillInUse = spool.append(numbered(7, 8));
      spool.remove(1);

      int afterFreeingASegment = spool.append(numbered(7, 10));

      assertThat(firstAppend).isEqualTo(5);
      assertThat(whenFull).isZero();
      assertThat(segmentStillInUse).isZero();
      assertThat(afterFreeingASegment).isEqualTo(2);
      assertThat(strings(spool.peek(100)))
          .containsExactly("record-002", "record-003", "record-004", "record-007", "record-008");
      assertThat(totalSegmentBytes()).isLessThanOrEqualTo(5 * FRAME);
    }
  }

  @Test
  void appendRejectsARecordLargerThanTheWholeLimit() throws IOException {
    try (Spool spool = Spool.open(directory, 1000)) {
      int appended = spool.append(List.of(new byte[993], bytes("small")));

      assertThat(appended).isZero();
      assertThat(spool.isEmpty()).isTrue();
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryFailsNamingTheDirectory() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES)) {
      assertThatThrownBy(() -> Spool.open(directory, MAX_BYTES))
          .isInstanceOf(SpoolLockedException.class)
          .hasMessageContaining(directory.toString());
    }
  }

  @Test
  void closeReleasesTheDirectoryForTheNextOpen() throws IOException {
    Spool first = Spool.open(directory, MAX_BYTES);
    first.append(numbered(0, 1));

    first.close();

    try (Spool second = Spool.open(directory, MAX_BYTES)) {
      assertThat(second.size()).isEqualTo(1);
    }
  }

  @Test
  void closedSpoolRejectsCalls() throws IOException {
    Spool spool = Spool.open(directory, MAX_BYTES);
    spool.close();

    assertThatThrownBy(() -> spool.append(numbered(0, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("spool " + directory + " is closed");
  }

  @Test
  void emptyRecordsRoundTrip() throws IOException {
    List<byte[]> records = List.of(new byte[0], bytes("a"), new byte[0]);
    try (Spool spool = Spool.open(directory, MAX_BYTES)) {
      spool.append(records);
    }

    try (Spool reopened = Spool.open(directory, MAX_BYTES)) {
      assertThat(strings(reopened.peek(10))).containsExactly("", "a", "");
      assertThat(reopened.bytes()).isEqualTo(3 * SpoolFormat.HEADER_BYTES + 1);
    }
  }

  @Test
  void largeRecordsRoundTripAcrossReopen() throws IOException {
    Random random = new Random(42);
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] record = new byte[1024 * 1024];
      random.nextBytes(record);
      records.add(record);
    }
    try (Spool spool = Spool.open(directory, MAX_BYTES, Spool.MIN_SEGMENT_BYTES)) {
      spool.append(records);
    }

    try (Spool reopened = Spool.open(directory, MAX_BYTES, Spool.MIN_SEGMENT_BYTES)) {
      assertThat(reopened.peek(10).stream().map(ByteBuffer::wrap))
          .containsExactlyElementsOf(records.stream().map(ByteBuffer::wrap).toList());
      assertThat(reopened.bytes()).isEqualTo(4 * (1024 * 1024 + SpoolFormat.HEADER_BYTES));
      assertThat(segmentFiles()).hasSize(4);
    }
  }

  @Test
  void sizeAndBytesAreExactAfterEachOperation() throws IOException {
    List<byte[]> records = List.of(bytes("a"), bytes("bb"), bytes("ccc"), bytes("dddd"));
    try (Spool spool = Spool.open(directory, MAX_BYTES, 20)) {
      assertThat(List.of(spool.size(), spool.bytes())).containsExactly(0L, 0L);

      spool.append(records);
      assertThat(List.of(spool.size(), spool.bytes())).containsExactly(4L, 42L);

      spool.peek(3);
      assertThat(List.of(spool.size(), spool.bytes())).containsExactly(4L, 42L);

      spool.remove(1);
      assertThat(List.of(spool.size(), spool.bytes())).containsExactly(3L, 33L);

      spool.remove(2);
      assertThat(List.of(spool.size(), spool.bytes())).containsExactly(1L, 12L);
    }
    try (Spool reopened = Spool.open(directory, MAX_BYTES, 20)) {
      assertThat(List.of(reopened.size(), reopened.bytes())).containsExactly(1L, 12L);

      reopened.remove(1);
      assertThat(List.of(reopened.size(), reopened.bytes())).containsExactly(0L, 0L);
    }
  }

  @Test
  void drainingTheSpoolDeletesItsSegmentFiles() throws IOException {
    try (Spool spool = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      spool.append(numbered(0, 12));

      spool.remove(12);

      assertThat(segmentFiles()).isEmpty();
      assertThat(spool.isEmpty()).isTrue();
      spool.append(numbered(12, 13));
    }
    try (Spool reopened = Spool.open(directory, MAX_BYTES, FIVE_FRAMES)) {
      assertThat(strings(reopened.peek(10))).isEqualTo(strings(numbered(12, 13)));
    }
  }

  private static List<byte[]> numbered(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> bytes(String.format("record-%03d", i))).toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static List<String> strings(List<byte[]> records) {
    List<String> strings = new ArrayList<>();
    records.forEach(record -> strings.add(new String(record, UTF_8)));
    return strings;
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> SpoolFormat.segmentSequence(file).isPresent()).sorted().toList();
    }
  }

  private long totalSegmentBytes() throws IOException {
    long total = 0;
    for (Path segment : segmentFiles()) {
      total += Files.size(segment);
    }
    return total;
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  private static void appendBytes(Path file, byte[] content) throws IOException {
    Files.write(file, content, StandardOpenOption.APPEND);
  }

  private static void flipByte(Path file, long offset) throws IOException {
    byte[] content = Files.readAllBytes(file);
    content[(int) offset] ^= 0x5A;
    Files.write(file, content);
  }

  private static void writeInt(Path file, int offset, int value) throws IOException {
    byte[] content = Files.readAllBytes(file);
    ByteBuffer.wrap(content).putInt(offset, value);
    Files.write(file, content);
  }
}

package dev.firetap.emit.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link SpoolCrashIT}: appends numbered records to a spool as fast as it can
 * and prints the running count after every append returns, until it is killed.
 */
final class SpoolCrashWriter {
  static final long MAX_BYTES = 1024L * 1024 * 1024;
  static final long SEGMENT_BYTES = 64 * 1024;
  static final String CONFIRMATION = "appended ";

  private SpoolCrashWriter() {}

  /** Arguments: the spool directory. */
  public static void main(String[] args) throws IOException {
    Random random = new Random();
    long count = 0;
    try (Spool spool = Spool.open(Path.of(args[0]), MAX_BYTES, SEGMENT_BYTES)) {
      while (true) {
        List<byte[]> batch = new ArrayList<>();
        int batchSize = 1 + random.nextInt(20);
        for (int i = 0; i < batchSize; i++) {
          batch.add(record(count + i, random.nextInt(300)));
        }
        count += spool.append(batch);
        System.out.println(CONFIRMATION + count);
      }
    }
  }

  /** Record {@code number}: the number, a colon, and {@code padding} x characters. */
  static byte[] record(long number, int padding) {
    return (number + ":" + "x".repeat(padding)).getBytes(UTF_8);
  }
}

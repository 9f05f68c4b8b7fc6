package dev.firetap.event;

import java.util.Arrays;
import java.util.Random;

/** Small random damage to JSON, for tests that feed decoders what a broken producer could send. */
final class JsonMutations {
  private JsonMutations() {}

  /**
   * A copy of {@code seed} with one byte replaced (by any byte, or by one of {@code syntax}), cut
   * short, or with up to 8 bytes removed.
   */
  static byte[] mutate(byte[] seed, Random random, String syntax) {
    byte[] bytes = seed.clone();
    int position = random.nextInt(bytes.length);
    switch (random.nextInt(4)) {
      case 0 -> bytes[position] = (byte) random.nextInt(256);
      case 1 -> bytes[position] = (byte) syntax.charAt(random.nextInt(syntax.length()));
      case 2 -> bytes = Arrays.copyOf(bytes, position);
      default -> {
        int length = Math.min(bytes.length - position, 1 + random.nextInt(8));
        byte[] shorter = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, shorter, 0, position);
        System.arraycopy(bytes, position + length, shorter, position, shorter.length - position);
        bytes = shorter;
      }
    }
    return bytes;
  }
}

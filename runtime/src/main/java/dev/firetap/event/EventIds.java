package dev.firetap.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Creates event ids. */
public final class EventIds {
  /** The RFC 4122 name space for URLs, under which Firetap's own name space is derived. */
  private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

  /**
   * The name space of change ids: the version 5 UUID of the URL {@code https://firetap.dev/change}.
   */
  private static final UUID CHANGE_NAMESPACE =
      nameBased(URL_NAMESPACE, "https://firetap.dev/change");

  /**
   * The last issued time stamp and counter, {@code millis << 12 | counter}. The 12-bit counter
   * fills the {@code rand_a} field of the UUID so that ids of one JVM are strictly increasing even
   * within one millisecond (RFC 9562, section 6.2, method 1).
   */
  private static final AtomicLong LAST_TICK = new AtomicLong();

  private EventIds() {}

  /**
   * Returns a new time-ordered id: a UUID version 7 string whose first 48 bits are the Unix time in
   * milliseconds. Ids created by one JVM sort in creation order, as strings and as UUIDs.
   */
  public static String newId() {
    long tick = nextTick();
    long mostSignificant = (tick >>> 12) << 16 | 0x7000L | (tick & 0xFFFL);
    long random = ThreadLocalRandom.current().nextLong();
    long leastSignificant = (random & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(mostSignificant, leastSignificant).toString();
  }

  /**
   * Returns the id of one document change: a name-based UUID (version 5, SHA-1) of {@code path +
   * "@" + Timestamps.format(commitTime) + "#" + op.wireName()}. The same change emitted twice gets
   * the same id, so consumers can drop duplicates.
   */
  public static String changeId(String path, Instant commitTime, Operation op) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(commitTime, "commitTime");
    Objects.requireNonNull(op, "op");
    String name = path + "@" + Timestamps.format(commitTime) + "#" + op.wireName();
    return nameBased(CHANGE_NAMESPACE, name).toString();
  }

  private static long nextTick() {
    long floor = System.currentTimeMillis() << 12;
    while (true) {
      long last = LAST_TICK.get();
      long next = Math.max(floor, last + 1);
      if (LAST_TICK.compareAndSet(last, next)) {
        return next;
      }
    }
  }

  private static UUID nameBased(UUID namespace, String name) {
    MessageDigest sha1 = sha1();
    sha1.update(toBytes(namespace));
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
    return new UUID(longAt(hash, 0), longAt(hash, 8));
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-1", e);
    }
  }

  private static byte[] toBytes(UUID uuid) {
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
      bytes[8 + i] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
    }
    return bytes;
  }

  private static long longAt(byte[] bytes, int start) {
    long value = 0;
    for (int i = start; i < start + 8; i++) {
      value = value << 8 | (bytes[i] & 0xFFL);
    }
    return value;
  }
}

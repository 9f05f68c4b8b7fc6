package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  private static final Instant COMMIT = Instant.parse("2026-12-03T12:00:00.123456Z");

  @Test
  void newIdIsAVersion7UuidCarryingTheCurrentMillisecond() {
    long before = System.currentTimeMillis();

    UUID id = UUID.fromString(EventIds.newId());

    long after = System.currentTimeMillis();
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    // More than 4096 ids in one millisecond borrow from the next one; allow for a few such bursts.
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after + 50);
  }

  @Test
  void newIdsAreLowerCaseAndStrictlyIncreasing() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(EventIds.newId());
    }

    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab].*"));
  }

  @Test
  void changeIdIsTheSameForTheSameChange() {
    String first = EventIds.changeId("users/u1", COMMIT, Operation.UPDATE);

    String second =
        EventIds.changeId("users/u1", Instant.parse(COMMIT.toString()), Operation.UPDATE);

    assertThat(second).isEqualTo(first);
    assertThat(UUID.fromString(first).version()).isEqualTo(5);
  }

  @Test
  void changeIdDiffersWhenPathTimeOrOperationDiffers() {
    String base = EventIds.changeId("users/u1", COMMIT, Operation.UPDATE);

    List<String> others =
        List.of(
            EventIds.changeId("users/u2", COMMIT, Operation.UPDATE),
            EventIds.changeId("users/u1", COMMIT.plusNanos(1000), Operation.UPDATE),
            EventIds.changeId("users/u1", COMMIT, Operation.DELETE));

    assertThat(others).doesNotContain(base).doesNotHaveDuplicates();
  }

  @Test
  void changeIdIgnoresNanosecondsBelowTheMicrosecond() {
    String micros = EventIds.changeId("users/u1", COMMIT, Operation.CREATE);

    String nanos = EventIds.changeId("users/u1", COMMIT.plusNanos(999), Operation.CREATE);

    assertThat(nanos).isEqualTo(micros);
  }

  @Test
  void changeIdIsStableAcrossReleases() {
    String id = EventIds.changeId("users/u1", COMMIT, Operation.CREATE);

    assertThat(id).isEqualTo(expectedChangeId());
  }

  /** The id computed independently: SHA-1 over the name space bytes and the name. */
  private static String expectedChangeId() {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      UUID url = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
      UUID namespace = v5(sha1, url, "https://firetap.dev/change");
      return v5(sha1, namespace, "users/u1@2026-12-03T12:00:00.123456Z#create").toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static UUID v5(MessageDigest sha1, UUID namespace, String name) {
    ByteBuffer buffer = ByteBuffer.allocate(16);
    buffer.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(buffer.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    long most = (bytes.getLong() & ~0xF000L) | 0x5000L;
    long least = (bytes.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(most, least);
  }
}

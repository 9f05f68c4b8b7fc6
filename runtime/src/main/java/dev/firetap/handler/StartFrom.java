package dev.firetap.handler;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a handler's consumer group starts reading when it is created. It matters only the first
 * time a handler id runs against a Redis: after that, the group remembers its position.
 */
public final class StartFrom {
  private static final StartFrom NOW = new StartFrom(null, "$");
  private static final StartFrom BEGINNING = new StartFrom(null, "0");
  // The largest sequence number of a stream id, so that "after (millis - 1)-MAX" is "from millis".
  private static final String MAX_SEQUENCE = "18446744073709551615";

  private final Instant instant;
  private final String groupStartId;

  private StartFrom(Instant instant, String groupStartId) {
    this.instant = instant;
    this.groupStartId = groupStartId;
  }

  /** Only events added after the group is created (the default). */
  public static StartFrom now() {
    return NOW;
  }

  /** Every event still in the stream. */
  public static StartFrom beginning() {
    return BEGINNING;
  }

  /**
   * Events added to the stream at or after {@code instant}, by the time in their entry ids.
   *
   * @throws IllegalArgumentException if the instant is before 1970
   */
  public static StartFrom at(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    long millis = instant.toEpochMilli();
    if (millis < 0) {
      throw new IllegalArgumentException(
          "handler option startFrom must be at or after 1970-01-01T00:00:00Z, got " + instant);
    }
    String id = millis == 0 ? "0" : (millis - 1) + "-" + MAX_SEQUENCE;
    return new StartFrom(instant, id);
  }

  /**
   * The id given to {@code XGROUP CREATE}: the group delivers the entries after it. {@code $} for
   * {@link #now()}, {@code 0} for {@link #beginning()}.
   */
  public String groupStartId() {
    return groupStartId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StartFrom that && groupStartId.equals(that.groupStartId);
  }

  @Override
  public int hashCode() {
    return groupStartId.hashCode();
  }

  @Override
  public String toString() {
    if (instant != null) {
      return "at(" + instant + ")";
    }
    return this == NOW ? "now()" : "beginning()";
  }
}

package dev.firetap.handler;

import java.time.Duration;
import java.util.Objects;

/**
 * How one handler reads, retries and remembers. Start from {@link #defaults()} and change what is
 * needed with the {@code with...} methods, which return a new instance:
 *
 * <pre>{@code
 * HandlerOptions.defaults().withThreads(4).withMaxAttempts(10).withStartFrom(StartFrom.beginning())
 * }</pre>
 *
 * @param maxAttempts runs of one event before it goes to the dead-letter stream; default 5
 * @param initialBackoff the longest wait before the first retry; default 200 ms
 * @param maxBackoff the cap of the wait between retries; default 30 s
 * @param batchSize entries read per XREADGROUP; default 100
 * @param block how long one read waits for new entries; default 2 s
 * @param threads parallel handler threads of one worker; events of one document (or one log event
 *     name) always run on the same thread, in stream order; default 1
 * @param claimIdle how long an entry may stay unacknowledged before another worker takes it over
 *     (its worker is presumed dead); default 30 s
 * @param startFrom where a newly created consumer group starts; default {@link StartFrom#now()}
 * @param dedupeRetention how long a handled event id is remembered to skip duplicates; default 24 h
 */
public record HandlerOptions(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    int batchSize,
    Duration block,
    int threads,
    Duration claimIdle,
    StartFrom startFrom,
    Duration dedupeRetention) {
  private static final HandlerOptions DEFAULTS =
      new HandlerOptions(
          5,
          Duration.ofMillis(200),
          Duration.ofSeconds(30),
          100,
          Duration.ofSeconds(2),
          1,
          Duration.ofSeconds(30),
          StartFrom.now(),
          Duration.ofHours(24));

  /**
   * Checks every option.
   *
   * @throws NullPointerException if a duration or startFrom is null
   * @throws IllegalArgumentException naming the option, the value and what is allowed
   */
  public HandlerOptions {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(claimIdle, "claimIdle");
    Objects.requireNonNull(startFrom, "startFrom");
    Objects.requireNonNull(dedupeRetention, "dedupeRetention");
    checkRange("maxAttempts", maxAttempts, 1, 1000);
    checkRange("batchSize", batchSize, 1, 10_000);
    checkRange("threads", threads, 1, 256);
    checkRange("initialBackoff", initialBackoff, Duration.ZERO, Duration.ofHours(1));
    checkRange("maxBackoff", maxBackoff, initialBackoff, Duration.ofHours(1));
    checkRange("block", block, Duration.ofMillis(10), Duration.ofMinutes(1));
    checkRange("claimIdle", claimIdle, Duration.ofMillis(100), Duration.ofDays(1));
    checkRange("dedupeRetention", dedupeRetention, Duration.ofSeconds(1), Duration.ofDays(365));
  }

  /** The defaults listed on this record's components. */
  public static HandlerOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with {@link #maxAttempts()} changed; 1 to 1000. */
  public HandlerOptions withMaxAttempts(int maxAttempts) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  /** A copy with {@link #initialBackoff()} changed; 0 to 1 h, and at most {@link #maxBackoff()}. */
  public HandlerOptions withInitialBackoff(Duration initialBackoff) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  /** A copy with {@link #maxBackoff()} changed; from {@link #initialBackoff()} to 1 h. */
  public HandlerOptions withMaxBackoff(Duration maxBackoff) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  /** A copy with {@link #batchSize()} changed; 1 to 10000. */
  public HandlerOptions withBatchSize(int batchSize) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  /** A copy with {@link #block()} changed; 10 ms to 1 min. */
  public HandlerOptions withBlock(Duration block) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  /** A copy with {@link #threads()} changed; 1 to 256. */
  public HandlerOptions withThreads(int threads) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  /** A copy with {@link #claimIdle()} changed; 100 ms to 1 day. */
  public HandlerOptions withClaimIdle(Duration claimIdle) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  /** A copy with {@link #startFrom()} changed. */
  public HandlerOptions withStartFrom(StartFrom startFrom) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  /** A copy with {@link #dedupeRetention()} changed; 1 s to 365 days. */
  public HandlerOptions withDedupeRetention(Duration dedupeRetention) {
    return new HandlerOptions(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        batchSize,
        block,
        threads,
        claimIdle,
        startFrom,
        dedupeRetention);
  }

  private static void checkRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "handler option %s must be a whole number from %d to %d, got %d"
              .formatted(option, min, max, value));
    }
  }

  private static void checkRange(String option, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "handler option %s must be a duration from %s to %s, got %s"
              .formatted(option, text(min), text(max), text(value)));
    }
  }

  private static String text(Duration duration) {
    if (duration.toMillis() % 1000 != 0 || duration.isZero()) {
      return duration.toMillis() + "ms";
    }
    return duration.toSeconds() + "s";
  }
}

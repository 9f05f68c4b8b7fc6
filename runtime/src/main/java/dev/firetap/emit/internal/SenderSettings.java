package dev.firetap.emit.internal;

import dev.firetap.config.FiretapConfig;
import java.nio.file.Path;
import java.time.Duration;

/** The part of the configuration the sender thread needs. */
record SenderSettings(
    String service,
    int queueCapacity,
    int batchSize,
    Duration commandTimeout,
    Path spoolDir,
    long spoolMaxBytes) {
  static SenderSettings of(FiretapConfig config) {
    return new SenderSettings(
        config.service(),
        config.queueCapacity(),
        config.batchSize(),
        config.redisTimeout(),
        config.spoolDir(),
        config.spoolMaxBytes());
  }
}

package dev.firetap.emit.internal;

import dev.firetap.config.FiretapConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The part of the configuration the sender thread needs.
 *
 * @param waitTimeout how long a write may wait for replicas; zero when it does not wait
 */
record SenderSettings(
    String service,
    int queueCapacity,
    int batchSize,
    Duration commandTimeout,
    Duration waitTimeout,
    Path spoolDir,
    long spoolMaxBytes) {
  static SenderSettings of(FiretapConfig config) {
    return new SenderSettings(
        config.service(),
        config.queueCapacity(),
        config.batchSize(),
        config.redisTimeout(),
        config.redisWaitReplicas() == 0 ? Duration.ZERO : config.redisWaitTimeout(),
        config.spoolDir(),
        config.spoolMaxBytes());
  }

  /** How long the sender waits for the reply to a write: the command, its WAIT and a margin. */
  Duration replyTimeout() {
    return commandTimeout.plus(waitTimeout).plusSeconds(1);
  }
}

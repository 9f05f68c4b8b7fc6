package dev.firetap.handler.internal;

import dev.firetap.handler.HandlerOptions;
import java.util.Objects;

/**
 * One registered handler: its id, what it reads and how.
 *
 * @param id the handler id and consumer group name
 * @param target the stream it reads and the application code it runs
 * @param options how it reads, retries and remembers
 */
public record HandlerSpec(String id, HandlerTarget target, HandlerOptions options) {
  /** Checks the id and rejects nulls. */
  public HandlerSpec {
    HandlerIds.check(id);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
  }
}

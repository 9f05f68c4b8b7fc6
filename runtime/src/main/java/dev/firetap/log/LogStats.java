package dev.firetap.log;

import dev.firetap.event.Level;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The number of log events of each level on one UTC date, as counted in {@code
 * firetap:stats:<date>}.
 *
 * @param date the UTC date
 * @param debug debug events
 * @param info info events
 * @param warn warn events
 * @param error error events
 * @param total all events of the date
 */
public record LogStats(LocalDate date, long debug, long info, long warn, long error, long total) {
  /** Checks that {@code date} is not null. */
  public LogStats {
    Objects.requireNonNull(date, "date");
  }

  /** The count of one level. */
  public long count(Level level) {
    return switch (level) {
      case DEBUG -> debug;
      case INFO -> info;
      case WARN -> warn;
      case ERROR -> error;
    };
  }
}

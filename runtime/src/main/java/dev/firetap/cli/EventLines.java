package dev.firetap.cli;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.LogEvent;
import java.util.Locale;

/** The one-line summaries that {@code tail} prints for events. */
final class EventLines {
  private EventLines() {}

  /** Commit time, operation, document path and changed fields. */
  static String change(ChangeEvent event) {
    return event.commitTime()
        + "  "
        + event.op().wireName()
        + "  "
        + event.path()
        + "  "
        + event.changedFields();
  }

  /** Timestamp, level, event name, user id ("-" when none) and message (empty when none). */
  static String log(LogEvent event) {
    String line =
        event.timestamp()
            + "  "
            + String.format(Locale.ROOT, "%-5s", event.level().wireName().toUpperCase(Locale.ROOT))
            + "  "
            + event.event()
            + "  "
            + (event.userId() == null ? "-" : event.userId());
    return event.message() == null ? line : line + "  " + event.message();
  }
}

package dev.firetap.emit.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the spool folder of one process: {@code <spool.dir>/<service>}, or, while another process
 * of the same service holds that one, {@code <service>-2}, {@code <service>-3} and so on. A
 * restarted process takes the first free folder again and so delivers what its predecessor left
 * there.
 */
final class SpoolLocation {
  private static final Logger log = LoggerFactory.getLogger(SpoolLocation.class);
  private static final int MAX_INSTANCES = 16;

  private SpoolLocation() {}

  /** Opens the spool, or returns null (after one WARN) when no folder can be used. */
  static Spool open(Path base, String service, long maxBytes) {
    IOException last = null;
    for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
      Path dir = base.resolve(instance == 1 ? service : service + "-" + instance);
      try {
        Spool spool = Spool.open(dir, maxBytes);
        if (spool.size() > 0) {
          log.info(
              "{}: {} events from an earlier run wait in the spool {}", service, spool.size(), dir);
        }
        return spool;
      } catch (SpoolLockedException e) {
        last = e;
      } catch (IOException | RuntimeException e) {
        log.warn(
            "{}: cannot open the spool {} (firetap.spool.dir); while Redis is unreachable"
                + " events wait in memory only",
            service,
            dir,
            e);
        return null;
      }
    }
    log.warn(
        "{}: every spool folder under {} is in use (firetap.spool.dir): {}; while Redis is"
            + " unreachable events wait in memory only",
        service,
        base,
        String.valueOf(last));
    return null;
  }
}

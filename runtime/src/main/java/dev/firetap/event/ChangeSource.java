package dev.firetap.event;

import java.util.Objects;

/**
 * The application instance that made a change.
 *
 * @param service the logical service name, for example {@code orders-api}
 * @param host the host name of the instance
 * @param version the application version, for example {@code 1.4.2}
 */
public record ChangeSource(String service, String host, String version) {
  /** Checks that no field is null. */
  public ChangeSource {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(version, "version");
  }
}

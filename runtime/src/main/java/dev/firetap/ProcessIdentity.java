package dev.firetap;

import dev.firetap.event.ChangeSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;

/**
 * Who emits: the service name, the host and the Firetap version, written into every event.
 *
 * @param service the configured service name
 * @param host this machine's host name
 * @param version the Firetap version
 */
public record ProcessIdentity(String service, String host, String version) {
  /** The identity of this process under {@code service}. */
  public static ProcessIdentity of(String service) {
    return new ProcessIdentity(service, hostName(), firetapVersion());
  }

  /** The source object of change events. */
  public ChangeSource changeSource() {
    return new ChangeSource(service, host, version);
  }

  /** The Firetap version from the runtime jar, or {@code unknown} when it cannot be read. */
  public static String firetapVersion() {
    try (InputStream in = ProcessIdentity.class.getResourceAsStream("firetap.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String hostName() {
    // The environment first: a reverse lookup may block on DNS for seconds.
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}

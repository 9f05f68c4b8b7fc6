package dev.firetap.console;

import dev.firetap.config.FiretapConfig;
import dev.firetap.config.Secret;
import java.util.Objects;

/**
 * Where the console listens and the token it requires: the settings {@code firetap.console.bind},
 * {@code firetap.console.port} and {@code firetap.console.token}. Immutable: every {@code with}
 * method returns a new instance, checked by the same rules as the settings.
 */
public final class ConsoleOptions {
  private static final String BIND = "firetap.console.bind";
  private static final String PORT = "firetap.console.port";
  private static final String TOKEN = "firetap.console.token";

  private final String bind;
  private final int port;
  private final Secret token;

  private ConsoleOptions(String bind, int port, Secret token) {
    this.bind = bind;
    this.port = port;
    this.token = token;
  }

  /** The console settings of {@code config}. */
  public static ConsoleOptions from(FiretapConfig config) {
    Objects.requireNonNull(config, "config");
    return new ConsoleOptions(config.consoleBind(), config.consolePort(), config.consoleToken());
  }

  /**
   * The same options listening on {@code bind}, an IP address or host name.
   *
   * @throws dev.firetap.config.FiretapConfigException naming the setting and the value when it is
   *     not an address
   */
  public ConsoleOptions withBind(String bind) {
    FiretapConfig checked = checked(BIND, Objects.requireNonNull(bind, "bind"));
    return new ConsoleOptions(checked.consoleBind(), port, token);
  }

  /**
   * The same options listening on {@code port}; 0 takes a free port.
   *
   * @throws dev.firetap.config.FiretapConfigException when the port is not from 0 to 65535
   */
  public ConsoleOptions withPort(int port) {
    FiretapConfig checked = checked(PORT, Integer.toString(port));
    return new ConsoleOptions(bind, checked.consolePort(), token);
  }

  /**
   * The same options with a token of the caller's; empty makes a random one at start.
   *
   * @throws dev.firetap.config.FiretapConfigException when the token is too short or has characters
   *     that are not URL-safe
   */
  public ConsoleOptions withToken(String token) {
    FiretapConfig checked = checked(TOKEN, Objects.requireNonNull(token, "token"));
    return new ConsoleOptions(bind, port, checked.consoleToken());
  }

  private static FiretapConfig checked(String setting, String value) {
    return FiretapConfig.defaults().with(setting, value);
  }

  /** The address to listen on. */
  public String bind() {
    return bind;
  }

  /** The port to listen on; 0 means a free one. */
  public int port() {
    return port;
  }

  /** The token requests must carry; empty means a random one is made at start. */
  public Secret token() {
    return token;
  }

  @Override
  public String toString() {
    return "ConsoleOptions[bind=" + bind + ", port=" + port + ", token=" + token + "]";
  }
}

package dev.firetap.redis;

import io.lettuce.core.RedisURI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where Firetap sends its events: a Redis server given as {@code
 * redis://[[user]:password@]host[:port][/db]}, or {@code rediss://...} for TLS.
 *
 * <p>{@link #toString()} is the {@linkplain #redacted() redacted} form, so an endpoint can be
 * logged freely: its user name and password never appear in text produced by this class.
 */
public final class RedisEndpoint {
  private static final String SETTING = "firetap.redis.url";
  private static final int DEFAULT_PORT = 6379;
  private static final int MAX_DATABASE = 15;
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern IPV6_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

  private final boolean tls;
  private final String host;
  private final int port;
  private final int database;
  private final String username;
  private final String password;

  private RedisEndpoint(
      boolean tls, String host, int port, int database, String username, String password) {
    this.tls = tls;
    this.host = host;
    this.port = port;
    this.database = database;
    this.username = username;
    this.password = password;
  }

  /**
   * Parses a {@code redis://} or {@code rediss://} URL. The port defaults to 6379 and the database
   * to 0; user and password are percent-decoded.
   *
   * @throws IllegalArgumentException if the URL is malformed; the message names {@code
   *     firetap.redis.url}, says what is allowed and shows the URL without its credentials
   */
  public static RedisEndpoint parse(String url) {
    Objects.requireNonNull(url, "url");
    String text = url.strip();
    boolean tls = hasScheme(text, "rediss://");
    if (!tls && !hasScheme(text, "redis://")) {
      throw invalid("be redis:// or rediss://", text);
    }
    String rest = text.substring(tls ? "rediss://".length() : "redis://".length());
    int at = rest.lastIndexOf('@');
    String userInfo = at < 0 ? null : rest.substring(0, at);
    String location = rest.substring(at + 1);
    int slash = location.indexOf('/');
    String hostAndPort = slash < 0 ? location : location.substring(0, slash);
    String path = slash < 0 ? "" : location.substring(slash + 1);
    return build(tls, hostAndPort, path, userInfo, text);
  }

  private static RedisEndpoint build(
      boolean tls, String hostAndPort, String path, String userInfo, String url) {
    if (hostAndPort.contains("?") || hostAndPort.contains("#") || path.matches(".*[?#].*")) {
      throw invalid("have no query (?) or fragment (#)", url);
    }
    HostAndPort location = HostAndPort.parse(hostAndPort, url);
    int database = parseDatabase(path, url);
    if (userInfo == null) {
      return new RedisEndpoint(tls, location.host(), location.port(), database, null, null);
    }
    int colon = userInfo.indexOf(':');
    if (colon < 0 || colon == userInfo.length() - 1) {
      throw invalid("give credentials as user:password@ or :password@", url);
    }
    String user = colon == 0 ? null : decode(userInfo.substring(0, colon), url);
    String password = decode(userInfo.substring(colon + 1), url);
    return new RedisEndpoint(tls, location.host(), location.port(), database, user, password);
  }

  /**
   * The part between the credentials and the database: {@code host[:port]} or {@code [v6][:port]}.
   */
  private record HostAndPort(String host, int port) {
    static HostAndPort parse(String text, String url) {
      if (text.startsWith("[")) {
        return parseBracketed(text, url);
      }
      int colon = text.indexOf(':');
      String host = colon < 0 ? text : text.substring(0, colon);
      if (host.isEmpty()) {
        throw invalid("name a host, as in redis://127.0.0.1:6379", url);
      }
      if (!HOST_NAME.matcher(host).matches()) {
        throw invalid("name a host of letters, digits, '.', '-' and '_' (or an [IPv6])", url);
      }
      return new HostAndPort(
          host, colon < 0 ? DEFAULT_PORT : parsePort(text.substring(colon + 1), url));
    }

    private static HostAndPort parseBracketed(String text, String url) {
      int close = text.indexOf(']');
      String address = close < 0 ? "" : text.substring(1, close);
      String afterAddress = close < 0 ? "" : text.substring(close + 1);
      boolean validTail = afterAddress.isEmpty() || afterAddress.startsWith(":");
      if (!address.contains(":") || !IPV6_ADDRESS.matcher(address).matches() || !validTail) {
        throw invalid("write an IPv6 host in brackets, as in redis://[::1]:6379", url);
      }
      int port = afterAddress.isEmpty() ? DEFAULT_PORT : parsePort(afterAddress.substring(1), url);
      return new HostAndPort(address, port);
    }

    private static int parsePort(String port, String url) {
      if (!DIGITS.matcher(port).matches()) {
        throw invalid("have a port from 1 to 65535", url);
      }
      long value = Long.parseLong(port);
      if (value < 1 || value > 65535) {
        throw invalid("have a port from 1 to 65535", url);
      }
      return (int) value;
    }
  }

  private static int parseDatabase(String path, String url) {
    if (path.isEmpty()) {
      return 0;
    }
    if (!DIGITS.matcher(path).matches() || Long.parseLong(path) > MAX_DATABASE) {
      throw invalid("have a database from 0 to " + MAX_DATABASE + " after the host, as in /2", url);
    }
    return Integer.parseInt(path);
  }

  private static String decode(String encoded, String url) {
    try {
      // URLDecoder would turn '+' into a space; in a URL's user info '+' is itself.
      return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("percent-encode the user and password correctly (%XX)", url);
    }
  }

  private static boolean hasScheme(String text, String scheme) {
    return text.regionMatches(true, 0, scheme, 0, scheme.length());
  }

  private static IllegalArgumentException invalid(String requirement, String url) {
    return new IllegalArgumentException(
        SETTING + " must " + requirement + ", got '" + withoutCredentials(url) + "'");
  }

  private static String withoutCredentials(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return url;
    }
    return url.substring(0, scheme + 3) + "***" + url.substring(at);
  }

  /** Whether the connection uses TLS ({@code rediss://}). */
  public boolean tls() {
    return tls;
  }

  /** The host name or address; an IPv6 address without its brackets. */
  public String host() {
    return host;
  }

  /** The TCP port, 6379 unless the URL gives one. */
  public int port() {
    return port;
  }

  /** The database number from 0 to 15, 0 unless the URL gives one. */
  public int database() {
    return database;
  }

  /** The ACL user name, empty when the URL gives none (the server's default user). */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The password, empty when the URL gives none. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The URL without user or password, e.g. {@code rediss://cache.internal:6380/2}. */
  public String redacted() {
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return (tls ? "rediss://" : "redis://") + shownHost + ":" + port + "/" + database;
  }

  /**
   * A Lettuce URI for this endpoint, with credentials and TLS as given.
   *
   * @param timeout how long one command may take
   */
  public RedisURI toRedisUri(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    RedisURI.Builder builder =
        RedisURI.builder()
            .withHost(host)
            .withPort(port)
            .withDatabase(database)
            .withSsl(tls)
            .withTimeout(timeout);
    if (username != null) {
      builder.withAuthentication(username, password);
    } else if (password != null) {
      builder.withPassword(password.toCharArray());
    }
    return builder.build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedisEndpoint that
        && tls == that.tls
        && port == that.port
        && database == that.database
        && host.equals(that.host)
        && Objects.equals(username, that.username)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tls, host, port, database, username, password);
  }

  /** The {@linkplain #redacted() redacted} URL. */
  @Override
  public String toString() {
    return redacted();
  }
}

package dev.firetap.redis;

import io.lettuce.core.RedisURI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where Firetap sends its events: a Redis server given as {@code
 * redis://[[user]:password@]host[:port][/db]}, or {@code rediss://...} for TLS; or a Redis Cluster
 * given by one or more of its nodes as {@code
 * redis-cluster://[[user]:password@]host:port[,host:port ...]}, or {@code rediss-cluster://...} for
 * TLS.
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
  private final List<HostAndPort> clusterNodes;
  private final String host;
  private final int port;
  private final int database;
  private final String username;
  private final String password;

  private RedisEndpoint(
      boolean tls,
      List<HostAndPort> nodes,
      int database,
      String username,
      String password,
      boolean cluster) {
    this.tls = tls;
    this.clusterNodes = cluster ? List.copyOf(nodes) : List.of();
    this.host = nodes.get(0).host();
    this.port = nodes.get(0).port();
    this.database = database;
    this.username = username;
    this.password = password;
  }

  /**
   * Parses a {@code redis://}, {@code rediss://}, {@code redis-cluster://} or {@code
   * rediss-cluster://} URL. The port defaults to 6379 and the database to 0; user and password are
   * percent-decoded.
   *
   * @throws IllegalArgumentException if the URL is malformed; the message names {@code
   *     firetap.redis.url}, says what is allowed and shows the URL without its credentials
   */
  public static RedisEndpoint parse(String url) {
    Objects.requireNonNull(url, "url");
    String text = url.strip();
    String scheme = scheme(text);
    if (scheme == null) {
      throw invalid("be redis://, rediss://, redis-cluster:// or rediss-cluster://", text);
    }
    boolean tls = scheme.startsWith("rediss");
    boolean cluster = scheme.contains("-cluster");
    String rest = text.substring(scheme.length());
    int at = rest.lastIndexOf('@');
    String userInfo = at < 0 ? null : rest.substring(0, at);
    String location = rest.substring(at + 1);
    int slash = location.indexOf('/');
    String hostAndPort = slash < 0 ? location : location.substring(0, slash);
    String path = slash < 0 ? "" : location.substring(slash + 1);
    if (cluster && slash >= 0) {
      throw invalid("name no database in a cluster URL (a cluster has database 0 only)", text);
    }
    return build(new Location(tls, cluster, hostAndPort, path), userInfo, text);
  }

  private static String scheme(String text) {
    for (String scheme :
        List.of("redis://", "rediss://", "redis-cluster://", "rediss-cluster://")) {
      if (text.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return scheme;
      }
    }
    return null;
  }

  /** The parts of a URL after its scheme, except the credentials. */
  private record Location(boolean tls, boolean cluster, String hostAndPort, String path) {}

  private static RedisEndpoint build(Location location, String userInfo, String url) {
    String hostAndPort = location.hostAndPort();
    if (hostAndPort.contains("?")
        || hostAndPort.contains("#")
        || location.path().matches(".*[?#].*")) {
      throw invalid("have no query (?) or fragment (#)", url);
    }
    List<HostAndPort> nodes = nodes(location, url);
    int database = parseDatabase(location.path(), url);
    boolean tls = location.tls();
    boolean cluster = location.cluster();
    if (userInfo == null) {
      return new RedisEndpoint(tls, nodes, database, null, null, cluster);
    }
    int colon = userInfo.indexOf(':');
    if (colon < 0 || colon == userInfo.length() - 1) {
      throw invalid("give credentials as user:password@ or :password@", url);
    }
    String user = colon == 0 ? null : decode(userInfo.substring(0, colon), url);
    String password = decode(userInfo.substring(colon + 1), url);
    return new RedisEndpoint(tls, nodes, database, user, password, cluster);
  }

  private static List<HostAndPort> nodes(Location location, String url) {
    if (!location.cluster()) {
      return List.of(HostAndPort.parse(location.hostAndPort(), url));
    }
    List<HostAndPort> nodes = new ArrayList<>();
    for (String node : location.hostAndPort().split(",", -1)) {
      nodes.add(HostAndPort.parse(node, url));
    }
    return nodes;
  }

  /**
   * The part between the credentials and the database: {@code host[:port]} or {@code [v6][:port]}.
   */
  private record HostAndPort(String host, int port) {
    String shown() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

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

  /** Whether this is a Redis Cluster ({@code redis-cluster://} or {@code rediss-cluster://}). */
  public boolean cluster() {
    return !clusterNodes.isEmpty();
  }

  /** The host name or address; an IPv6 address without its brackets; a cluster's first node. */
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

  /**
   * The URL without user or password, e.g. {@code rediss://cache.internal:6380/2} or {@code
   * redis-cluster://10.0.0.1:7000,10.0.0.2:7000}.
   */
  public String redacted() {
    if (cluster()) {
      List<String> nodes = clusterNodes.stream().map(HostAndPort::shown).toList();
      return (tls ? "rediss-cluster://" : "redis-cluster://") + String.join(",", nodes);
    }
    return (tls ? "rediss://" : "redis://") + new HostAndPort(host, port).shown() + "/" + database;
  }

  /**
   * Lettuce URIs of the cluster's given nodes, with credentials and TLS as given; the one server's
   * URI when this is not a cluster.
   *
   * @param timeout how long one command may take
   */
  public List<RedisURI> toRedisUris(Duration timeout) {
    if (!cluster()) {
      return List.of(toRedisUri(timeout));
    }
    return clusterNodes.stream()
        .map(node -> toRedisUri(node.host(), node.port(), timeout))
        .toList();
  }

  /**
   * A Lettuce URI for this endpoint, with credentials and TLS as given.
   *
   * @param timeout how long one command may take
   */
  public RedisURI toRedisUri(Duration timeout) {
    return toRedisUri(host, port, timeout);
  }

  /**
   * A Lettuce URI for one node of this endpoint's cluster, with credentials and TLS as given.
   *
   * @param timeout how long one command may take
   */
  public RedisURI toRedisUri(String nodeHost, int nodePort, Duration timeout) {
    Objects.requireNonNull(nodeHost, "nodeHost");
    Objects.requireNonNull(timeout, "timeout");
    RedisURI.Builder builder =
        RedisURI.builder()
            .withHost(nodeHost)
            .withPort(nodePort)
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
        && clusterNodes.equals(that.clusterNodes)
        && port == that.port
        && database == that.database
        && host.equals(that.host)
        && Objects.equals(username, that.username)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tls, clusterNodes, host, port, database, username, password);
  }

  /** The {@linkplain #redacted() redacted} URL. */
  @Override
  public String toString() {
    return redacted();
  }
}

package dev.firetap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private Redis Cluster for tests: six {@code redis-server --cluster-enabled yes} processes on
 * free ports of 127.0.0.1, three masters with one replica each, joined by {@code redis-cli
 * --cluster create}. A master can be killed, after which its replica takes over; {@link
 * #restartKilled()} brings the killed node back as a replica.
 *
 * <p>Like {@link RedisServer}, every node is killed when the test JVM exits or dies.
 */
public final class RedisCluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisCluster.class);
  private static final String HOST = "127.0.0.1";
  private static final int NODES = 6;
  private static final Duration NODE_TIMEOUT = Duration.ofMillis(1000);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STATE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration PING_TIMEOUT = Duration.ofMillis(250);

  private final Path serverBinary;
  private final Path cliBinary;
  private final Path directory;
  private final List<Node> nodes;

  private RedisCluster(Path serverBinary, Path directory, List<Node> nodes) {
    this.serverBinary = serverBinary;
    this.cliBinary = serverBinary.resolveSibling("redis-cli");
    this.directory = directory;
    this.nodes = nodes;
  }

  /** One node: its client port, its cluster bus port and its process. */
  private static final class Node {
    private final int port;
    private final int busPort;
    private volatile ManagedProcess process;

    Node(int port, int busPort) {
      this.port = port;
      this.busPort = busPort;
    }
  }

  /**
   * Starts the six nodes, creates the cluster and waits until every slot is served and every
   * replica is in sync.
   *
   * @throws IllegalStateException when a node does not start or the cluster does not form
   * @throws org.opentest4j.TestAbortedException when redis-server is not installed, outside CI
   */
  public static RedisCluster start() {
    Path binary = new RedisServerLocator().require();
    Path directory = ScratchDirectory.create("firetap-redis-cluster-");
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      nodes.add(new Node(FreePorts.next(), FreePorts.next()));
    }
    RedisCluster cluster = new RedisCluster(binary, directory, nodes);
    try {
      nodes.forEach(cluster::launch);
      cluster.create();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void launch(Node node) {
    Path nodeDirectory = directory.resolve(Integer.toString(node.port));
    try {
      Files.createDirectories(nodeDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + nodeDirectory, e);
    }
    List<String> command =
        List.of(
            serverBinary.toString(),
            "--port",
            Integer.toString(node.port),
            "--cluster-port",
            Integer.toString(node.busPort),
            "--bind",
            HOST,
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            "nodes.conf",
            "--cluster-node-timeout",
            Long.toString(NODE_TIMEOUT.toMillis()),
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--dir",
            nodeDirectory.toString());
    Path logFile = nodeDirectory.resolve("redis-server.log");
    node.process = ManagedProcess.startUnchecked("redis-cluster-node", command, logFile);
    ManagedProcess.Readiness readiness =
        node.process.awaitReady(
            () -> RedisSocket.answersPing(node.port, PING_TIMEOUT), START_TIMEOUT);
    if (readiness != ManagedProcess.Readiness.READY) {
      throw new IllegalStateException(
          "cluster node on %s:%d did not start (%s); last lines of its log:%n%s"
              .formatted(HOST, node.port, readiness, node.process.logTail(20)));
    }
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of(cliBinary.toString(), "--cluster", "create"));
    nodes.forEach(node -> command.add(HOST + ":" + node.port));
    command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    String output = run(command, STATE_TIMEOUT);
    if (!output.contains("All 16384 slots covered")) {
      throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
    }
    awaitHealthy();
    log.info("Redis Cluster started: {}", url());
  }

  /** The URL Firetap takes, naming every node: {@code redis-cluster://127.0.0.1:P1,...}. */
  public String url() {
    return nodes.stream()
        .map(node -> HOST + ":" + node.port)
        .collect(Collectors.joining(",", "redis-cluster://", ""));
  }

  /**
   * Waits until every live node reports {@code cluster_state:ok} and every live replica is in sync
   * with its master.
   *
   * @throws IllegalStateException after 30 s
   */
  public void awaitHealthy() {
    awaitCondition("every slot served and every replica in sync", this::healthy);
  }

  private boolean healthy() {
    for (Node node : liveNodes()) {
      if (!cli(node.port, "CLUSTER", "INFO").contains("cluster_state:ok")) {
        return false;
      }
      String replication = cli(node.port, "INFO", "replication");
      if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The client port of the master that serves {@code key} now.
   *
   * @throws IllegalStateException when no live master serves it, as during a failover
   */
  public int masterPortOf(String key) {
    Node any = liveNodes().get(0);
    int slot = Integer.parseInt(cli(any.port, "CLUSTER", "KEYSLOT", key).strip());
    for (String line : cli(any.port, "CLUSTER", "NODES").split("\n")) {
      String[] fields = line.strip().split(" ");
      if (fields.length > 8 && fields[2].contains("master") && !fields[2].contains("fail")) {
        for (int i = 8; i < fields.length; i++) {
          if (servesSlot(fields[i], slot)) {
            return Integer.parseInt(fields[1].replaceAll(".*:([0-9]+)@.*", "$1"));
          }
        }
      }
    }
    throw new IllegalStateException("no live master serves slot " + slot + " of " + key);
  }

  private static boolean servesSlot(String range, int slot) {
    if (range.startsWith("[")) {
      return false;
    }
    String[] ends = range.split("-");
    int first = Integer.parseInt(ends[0]);
    int last = ends.length > 1 ? Integer.parseInt(ends[1]) : first;
    return first <= slot && slot <= last;
  }

  /**
   * Kills with SIGKILL the master that serves {@code key}, as a crash would, and waits until its
   * replica has taken over and the cluster is healthy again.
   *
   * @return the killed node's port
   */
  public int killMasterOf(String key) {
    int port = masterPortOf(key);
    Node node =
        nodes.stream().filter(candidate -> candidate.port == port).findFirst().orElseThrow();
    node.process.kill();
    log.info("Redis Cluster master {}:{} killed", HOST, port);
    awaitCondition(
        "a replica taking over from " + HOST + ":" + port,
        () -> healthy() && masterPortOf(key) != port);
    log.info("Redis Cluster failed over: {} now served by {}", key, masterPortOf(key));
    return port;
  }

  /**
   * Starts every killed node again; each rejoins as a replica. Waits until the cluster is healthy.
   */
  public synchronized void restartKilled() {
    boolean restarted = false;
    for (Node node : nodes) {
      if (!node.process.isAlive()) {
        launch(node);
        restarted = true;
      }
    }
    if (restarted) {
      awaitHealthy();
    }
  }

  /** Deletes every key on every master. */
  public void flushAll() {
    for (Node node : liveNodes()) {
      if (cli(node.port, "INFO", "replication").contains("role:master")) {
        cli(node.port, "FLUSHALL");
      }
    }
  }

  private List<Node> liveNodes() {
    return nodes.stream().filter(node -> node.process != null && node.process.isAlive()).toList();
  }

  private void awaitCondition(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      ManagedProcess.pause(POLL);
    }
    throw new IllegalStateException(
        "Redis Cluster: no " + what + " within " + STATE_TIMEOUT.toSeconds() + " s");
  }

  private String cli(int port, String... arguments) {
    List<String> command = new ArrayList<>(List.of(cliBinary.toString(), "-h", HOST, "-p"));
    command.add(Integer.toString(port));
    command.addAll(List.of(arguments));
    return run(command, Duration.ofSeconds(5));
  }

  private static String run(List<String> command, Duration timeout) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** Kills every node and deletes the cluster's working directory. */
  @Override
  public synchronized void close() {
    for (Node node : nodes) {
      if (node.process != null) {
        node.process.kill();
      }
    }
    ScratchDirectory.delete(directory);
    log.info("Redis Cluster stopped");
  }

  @Override
  public String toString() {
    return "RedisCluster[" + url() + "]";
  }
}

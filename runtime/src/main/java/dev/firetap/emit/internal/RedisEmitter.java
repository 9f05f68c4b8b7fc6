package dev.firetap.emit.internal;

import dev.firetap.config.FiretapConfig;
import dev.firetap.emit.Emitter;
import dev.firetap.emit.EmitterMXBean;
import dev.firetap.emit.EmitterStats;
import dev.firetap.emit.PendingLogEvent;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.LogEvent;
import dev.firetap.internal.BackgroundPriority;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The emitter: a bounded queue filled by application threads and drained by one {@link Sender}. */
public final class RedisEmitter implements Emitter, EmitterMXBean {
  private static final Logger log = LoggerFactory.getLogger(RedisEmitter.class);

  private final EventQueue queue;
  private final EmitterCounters counters = new EmitterCounters();
  private final Sender sender;
  private final Thread thread;
  private final Duration shutdownTimeout;
  private final Duration commandTimeout;
  private final ObjectName jmxName;
  private volatile boolean closed;

  private RedisEmitter(FiretapConfig config, RedisConnector connector) {
    this.queue = new EventQueue(config.queueCapacity());
    this.shutdownTimeout = config.shutdownTimeout();
    this.commandTimeout = config.redisTimeout();
    StreamKeys keys = config.streamKeys();
    this.sender =
        new Sender(
            SenderSettings.of(config),
            queue,
            new EnvelopeFactory(keys, config.cdcMaxLen(), config.logsMaxLen()),
            new BatchWriter(
                keys,
                Duration.ofDays(config.statsRetentionDays()),
                config.redisWaitReplicas(),
                config.redisWaitTimeout()),
            connector,
            counters);
    this.thread =
        new Thread(
            BackgroundPriority.lowered(config.threadsNice(), sender),
            "firetap-emitter-" + config.service());
    this.jmxName = registerMBean(config.service());
  }

  /**
   * Starts an emitter and its sender thread. Does not touch the network or the disk on the calling
   * thread: the sender connects and opens the spool.
   */
  public static RedisEmitter start(FiretapConfig config, RedisConnector connector) {
    RedisEmitter emitter =
        new RedisEmitter(
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(connector, "connector"));
    emitter.thread.setDaemon(true);
    emitter.thread.start();
    return emitter;
  }

  @Override
  public boolean emit(ChangeEvent event) {
    return offer(Objects.requireNonNull(event, "event"));
  }

  @Override
  public boolean emit(LogEvent event) {
    return offer(Objects.requireNonNull(event, "event"));
  }

  @Override
  public boolean emit(PendingLogEvent event) {
    return offer(Objects.requireNonNull(event, "event"));
  }

  private boolean offer(Object event) {
    if (closed) {
      counters.droppedClosed();
      return false;
    }
    if (queue.offer(event)) {
      return true;
    }
    counters.droppedQueueFull();
    return false;
  }

  @Override
  public EmitterStats stats() {
    return new EmitterStats(
        counters.emittedCount(),
        queue.size(),
        sender.spooled(),
        sender.spoolBytes(),
        counters.droppedCount(),
        counters.isConnected(),
        counters.lastError(),
        counters.lastErrorTime());
  }

  @Override
  public boolean flush(Duration timeout) {
    long target = queue.addedCount();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (counters.settledLocalCount() < target) {
      if (System.nanoTime() - deadline > 0 || !thread.isAlive()) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return true;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sender.close(shutdownTimeout);
    try {
      thread.join(shutdownTimeout.plus(commandTimeout).plusSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.warn(
          "{}: the emitter did not stop in time; undelivered events may be lost", thread.getName());
    }
    unregisterMBean();
  }

  private ObjectName registerMBean(String service) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (int instance = 1; instance < 100; instance++) {
      try {
        String suffix = instance == 1 ? "" : ",instance=" + instance;
        ObjectName name = new ObjectName("dev.firetap:type=Emitter,service=" + service + suffix);
        if (!server.isRegistered(name)) {
          server.registerMBean(this, name);
          return name;
        }
      } catch (JMException e) {
        log.warn("{}: cannot register the emitter's JMX bean", service, e);
        return null;
      }
    }
    return null;
  }

  private void unregisterMBean() {
    if (jmxName == null) {
      return;
    }
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(jmxName);
    } catch (JMException e) {
      log.debug("cannot unregister {}", jmxName, e);
    }
  }

  @Override
  public long getEmitted() {
    return counters.emittedCount();
  }

  @Override
  public long getQueued() {
    return queue.size();
  }

  @Override
  public long getSpooled() {
    return sender.spooled();
  }

  @Override
  public long getSpoolBytes() {
    return sender.spoolBytes();
  }

  @Override
  public long getDropped() {
    return counters.droppedCount();
  }

  @Override
  public boolean isConnected() {
    return counters.isConnected();
  }

  @Override
  public String getLastError() {
    String error = counters.lastError();
    return error == null ? "" : error;
  }
}

package dev.firetap.handler.internal;

import dev.firetap.redis.RedisConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one handler loop. An entry goes to the thread chosen by its partition key (the
 * document path or log event name), and each thread runs its entries one at a time in the order
 * given, so the events of one document run in stream order.
 */
final class Partitions {
  private final List<ExecutorService> threads = new ArrayList<>();
  private final List<EntryProcessor> processors = new ArrayList<>();

  Partitions(LoopContext loop, RedisConnector connector, DeadLetterStore deadLetters) {
    int count = loop.options().threads();
    for (int i = 0; i < count; i++) {
      String name = "firetap-handler-" + loop.handlerId() + "-" + i;
      threads.add(
          Executors.newSingleThreadExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
              }));
      HandlerConnection connection =
          new HandlerConnection(connector, loop.stream(), loop.outage(), loop.stop());
      processors.add(new EntryProcessor(loop, connection, deadLetters));
    }
  }

  /**
   * Queues each entry on the thread of its partition key: one task per thread with its share of the
   * batch, in the order given.
   *
   * @param records what Redis held about the batch's events when it was read
   * @return per entry, the task of its share, done when the whole share is written
   */
  List<Future<?>> submit(List<BatchEntry> batch, CompletionRecords records) {
    Map<Integer, List<BatchEntry>> shares = new LinkedHashMap<>();
    int[] partitionOf = new int[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      partitionOf[i] = Math.floorMod(batch.get(i).partitionKey().hashCode(), threads.size());
      shares.computeIfAbsent(partitionOf[i], partition -> new ArrayList<>()).add(batch.get(i));
    }
    Map<Integer, Future<?>> tasks = new HashMap<>();
    shares.forEach(
        (partition, share) -> {
          EntryProcessor processor = processors.get(partition);
          tasks.put(
              partition, threads.get(partition).submit(() -> processor.process(share, records)));
        });
    List<Future<?>> running = new ArrayList<>();
    for (int partition : partitionOf) {
      running.add(tasks.get(partition));
    }
    return running;
  }

  /**
   * Lets queued entries finish within {@code timeout}, then interrupts what still runs, and closes
   * the connections. True when everything finished in time.
   */
  boolean shutDown(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    threads.forEach(ExecutorService::shutdown);
    boolean finished = true;
    for (ExecutorService thread : threads) {
      finished &= awaitTermination(thread, deadline - System.nanoTime());
    }
    if (!finished) {
      threads.forEach(ExecutorService::shutdownNow);
    }
    processors.forEach(EntryProcessor::close);
    return finished;
  }

  private static boolean awaitTermination(ExecutorService thread, long nanos) {
    try {
      return thread.awaitTermination(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

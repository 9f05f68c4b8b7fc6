package dev.firetap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
  private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

  @BeforeEach
  void onLinux() {
    assumeTrue(Files.exists(THREAD_STAT), "threads have their own nice value on Linux only");
  }

  @Test
  void threadsOfALoweringFactoryRunAtTheGivenNiceValue() throws Exception {
    ThreadFactory threads = BackgroundPriority.lowering(7, Executors.defaultThreadFactory());

    assertThat(niceOfAThreadOf(threads)).isEqualTo(7);
    assertThat(niceOfCurrentThread()).isZero();
  }

  @Test
  void niceZeroLeavesTheFactoryAsItIs() {
    ThreadFactory threads = Executors.defaultThreadFactory();

    assertThat(BackgroundPriority.lowering(0, threads)).isSameAs(threads);
  }

  @Test
  void aThreadAlreadyLowerIsNotRaised() throws Exception {
    ThreadFactory threads = BackgroundPriority.lowering(12, Executors.defaultThreadFactory());
    CompletableFuture<Integer> nice = new CompletableFuture<>();
    Thread thread =
        threads.newThread(
            () -> {
              BackgroundPriority.lowerCurrentThread(5);
              nice.complete(niceOfCurrentThread());
            });
    thread.start();

    assertThat(nice.get(10, TimeUnit.SECONDS)).isEqualTo(12);
  }

  private static int niceOfAThreadOf(ThreadFactory threads) throws Exception {
    CompletableFuture<Integer> nice = new CompletableFuture<>();
    threads.newThread(() -> nice.complete(niceOfCurrentThread())).start();
    return nice.get(10, TimeUnit.SECONDS);
  }

  private static int niceOfCurrentThread() {
    try {
      String stat = Files.readString(THREAD_STAT);
      return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.firetap.emit.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolCrashIT {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  @TempDir Path temporary;

  private Process writer;
  private final AtomicLong confirmed = new AtomicLong();
  private Thread confirmationReader;

  @AfterEach
  void killWriter() {
    if (writer != null) {
      writer.destroyForcibly();
    }
  }

  @Test
  void everyRecordWhoseAppendReturnedSurvivesAKill() throws Exception {
    Path directory = temporary.resolve("spool");
    startWriter(directory);
    awaitConfirmed(20_000);

    long lastConfirmed = kill();

    try (Spool spool = Spool.open(directory, SpoolCrashWriter.MAX_BYTES)) {
      List<byte[]> records = spool.peek(Integer.MAX_VALUE);

      assertThat(spool.corruptedRecords()).isZero();
      assertThat((long) records.size())
          .isEqualTo(spool.size())
          .isGreaterThanOrEqualTo(lastConfirmed);
      for (int i = 0; i < records.size(); i++) {
        String record = new String(records.get(i), UTF_8);
        assertThat(record).startsWith(i + ":").matches("\\d+:x*");
      }
    }
  }

  @Test
  void openFailsWhileAnotherProcessHoldsTheDirectory() throws Exception {
    Path directory = temporary.resolve("spool");
    startWriter(directory);
    awaitConfirmed(1);

    assertThatThrownBy(() -> Spool.open(directory, SpoolCrashWriter.MAX_BYTES))
        .isInstanceOf(SpoolLockedException.class)
        .hasMessageContaining(directory.toString());

    kill();
    Spool.open(directory, SpoolCrashWriter.MAX_BYTES).close();
  }

  private void startWriter(Path directory) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    writer =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SpoolCrashWriter.class.getName(),
                directory.toString())
            .redirectError(temporary.resolve("writer.err").toFile())
            .start();
    confirmationReader = new Thread(this::readConfirmations, "spool-crash-writer-output");
    confirmationReader.start();
  }

  private void readConfirmations() {
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(writer.getInputStream(), UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.startsWith(SpoolCrashWriter.CONFIRMATION)) {
          confirmed.set(Long.parseLong(line.substring(SpoolCrashWriter.CONFIRMATION.length())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitConfirmed(long records) {
    await()
        .atMost(STARTUP)
        .failFast("the writer process exited; see writer.err", () -> !writer.isAlive())
        .until(() -> confirmed.get() >= records);
  }

  /** Kills the writer with SIGKILL and returns the last count it confirmed. */
  private long kill() throws InterruptedException {
    writer.destroyForcibly();
    assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    confirmationReader.join(Duration.ofSeconds(30).toMillis());
    return confirmed.get();
  }
}

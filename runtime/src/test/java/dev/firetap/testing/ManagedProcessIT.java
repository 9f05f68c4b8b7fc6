package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessIT {
  @TempDir Path directory;

  private Process owner;
  private ManagedProcess managed;

  @AfterEach
  void cleanUp() {
    if (managed != null) {
      managed.kill();
    }
    if (owner != null) {
      owner.destroyForcibly();
    }
  }

  @Test
  void watchdogKillsTheProcessOnceItsOwnerIsGone() throws IOException {
    owner = new ProcessBuilder("sleep", "60").start();
    managed = start(List.of("sleep", "60"), owner.pid());

    owner.destroyForcibly();

    await().atMost(Duration.ofSeconds(5)).until(() -> !managed.isAlive());
  }

  @Test
  void awaitLogLineSeesOutputAndReportsAnExitedProcess() throws IOException {
    managed = start(List.of("sh", "-c", "echo ready; echo second line; exit 3"));

    ManagedProcess.Readiness readiness =
        managed.awaitLogLine("never printed", Duration.ofSeconds(5));

    assertThat(readiness).isEqualTo(ManagedProcess.Readiness.EXITED);
    assertThat(managed.logTail(1)).isEqualTo("second line");
    assertThat(managed.log()).startsWith("ready");
  }

  @Test
  void secondProcessSharingALogFileSeesOnlyItsOwnOutput() throws IOException {
    ManagedProcess first = start(List.of("echo", "first"));
    first.awaitExit(Duration.ofSeconds(5));
    first.kill();

    managed = start(List.of("echo", "second"));
    managed.awaitExit(Duration.ofSeconds(5));

    assertThat(managed.log()).isEqualTo("second\n");
  }

  @Test
  void frozenProcessIsReportedFrozenUntilThawedAndStopEndsIt() throws IOException {
    managed = start(List.of("sleep", "60"));

    managed.freeze();
    boolean frozen = managed.isFrozen();
    managed.stop();

    assertThat(frozen).isTrue();
    assertThat(managed.isAlive()).isFalse();
    assertThat(managed.isFrozen()).isFalse();
  }

  private ManagedProcess start(List<String> command) throws IOException {
    return ManagedProcess.start("test process", command, directory.resolve("test.log"));
  }

  private ManagedProcess start(List<String> command, long ownerPid) throws IOException {
    return ManagedProcess.start("test process", command, directory.resolve("test.log"), ownerPid);
  }
}

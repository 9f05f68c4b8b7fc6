package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Firestore client that lacks a member the agent relies on is left uninstrumented, with one WARN
 * that names what differs, and the application runs on.
 */
class ClientVersionCheckIT {

  @TempDir Path work;

  @Test
  void leavesAClientWithoutSendRequestUninstrumentedAndTheApplicationRuns() throws Exception {
    Path stubClasses = compileStubClient();
    Path output = work.resolve("app.log");

    Process app =
        AgentJvm.launch(
            StubClientApp.class, "redis.url=redis://127.0.0.1:1", stubClasses.toString(), output);
    if (!app.waitFor(60, TimeUnit.SECONDS)) {
      app.destroyForcibly();
      throw new AssertionError("the application did not exit within 60 s");
    }
    int exit = app.exitValue();

    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(exit).as(String.join("\n", lines)).isZero();
    assertThat(lines).anyMatch(line -> line.startsWith("APP RAN with "));
    assertThat(lines.stream().filter(line -> line.startsWith("[firetap] WARN")))
        .singleElement()
        .asString()
        .contains("lacks what the agent relies on")
        .contains("FirestoreImpl.sendRequest");
  }

  /** A FirestoreImpl with a public no-argument constructor and nothing else. */
  private Path compileStubClient() throws Exception {
    Path source = work.resolve("src/com/google/cloud/firestore/FirestoreImpl.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package com.google.cloud.firestore;\n"
            + "public class FirestoreImpl {\n"
            + "  @Override public String toString() { return \"a stub client\"; }\n"
            + "}\n");
    Path classes = work.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int result = javac.run(null, null, null, "-d", classes.toString(), source.toString());
    assertThat(result).as("javac of the stub client").isZero();
    return classes;
  }
}

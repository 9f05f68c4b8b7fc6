package dev.firetap.benchmarks.agent;

import com.sun.tools.attach.VirtualMachine;

/**
 * Attaches the agent to its own JVM from {@code main}: {@code <agent jar> <agent arguments>}. The
 * agent then installs through {@code agentmain}, the same installation as {@code premain}. The
 * benchmark profiles the agent's start this way, because a JFR recording started with {@code
 * -XX:StartFlightRecording} begins only after {@code premain} has returned. Needs {@code
 * -Djdk.attach.allowAttachSelf=true}.
 */
public final class AttachingApp {
  private AttachingApp() {}

  public static void main(String[] args) throws Exception {
    VirtualMachine self = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
    try {
      self.loadAgent(args[0], args[1]);
    } finally {
      self.detach();
    }
    System.out.println("main");
  }
}

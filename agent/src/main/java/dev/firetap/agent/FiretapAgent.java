package dev.firetap.agent;

import dev.firetap.agent.internal.AgentInstaller;
import java.lang.instrument.Instrumentation;

/**
 * The entry point of {@code -javaagent:firetap-agent.jar[=name=value,...]}: turns every Firestore
 * write of the application into a change event on Redis, without code changes.
 *
 * <p>The agent never stops the application: when its arguments are invalid or installing fails, it
 * prints one line starting with {@code [firetap]} on standard error and the application runs
 * without it.
 */
public final class FiretapAgent {
  private FiretapAgent() {}

  /**
   * Called by the JVM before {@code main} for {@code -javaagent}. Returns at once: the agent reads
   * its settings and builds its instrumentation on a thread of its own while {@code main} starts.
   *
   * @param arguments the text after {@code firetap-agent.jar=}: settings as {@code name=value}
   *     pairs separated by ','; null when there is none
   * @param instrumentation the JVM's instrumentation service
   */
  public static void premain(String arguments, Instrumentation instrumentation) {
    try {
      AgentInstaller.installAtStart(arguments, instrumentation);
    } catch (Throwable e) {
      // Nothing may reach the application, not even an Error: it runs uninstrumented instead.
      AgentInstaller.reportNotInstalled(e);
    }
  }

  /**
   * Called by the JVM when the agent is attached to a running process; as {@link #premain}, but
   * installs before it returns and retransforms the classes already loaded.
   */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    try {
      AgentInstaller.installAttached(arguments, instrumentation);
    } catch (Throwable e) {
      AgentInstaller.reportNotInstalled(e);
    }
  }
}

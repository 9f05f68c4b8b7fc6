package dev.firetap.agent;

import dev.firetap.agent.internal.AgentInstaller;
import dev.firetap.config.FiretapConfig;
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
  private static final String PREFIX = "[firetap] ";

  private FiretapAgent() {}

  /**
   * Called by the JVM before {@code main} for {@code -javaagent}.
   *
   * @param arguments the text after {@code firetap-agent.jar=}: settings as {@code name=value}
   *     pairs separated by ','; null when there is none
   * @param instrumentation the JVM's instrumentation service
   */
  public static void premain(String arguments, Instrumentation instrumentation) {
    install(arguments, instrumentation, false);
  }

  /** Called by the JVM when the agent is attached to a running process; as {@link #premain}. */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    install(arguments, instrumentation, true);
  }

  private static void install(String arguments, Instrumentation instrumentation, boolean attached) {
    try {
      FiretapConfig config = FiretapConfig.load(arguments);
      if (!config.enabled()) {
        System.err.println(PREFIX + "firetap.enabled is false: Firestore writes are not captured");
        return;
      }
      AgentInstaller.install(config, instrumentation, attached);
    } catch (Throwable e) {
      // Nothing may reach the application, not even an Error: it runs uninstrumented instead.
      System.err.println(
          PREFIX + "agent not installed, the application runs without Firetap: " + oneLine(e));
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}

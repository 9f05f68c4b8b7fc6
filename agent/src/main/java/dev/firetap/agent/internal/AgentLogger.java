package dev.firetap.agent.internal;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One logger of {@link AgentLoggerProvider}: {@code [firetap] LEVEL message} lines. */
final class AgentLogger extends LegacyAbstractLogger {
  static final String PREFIX = "[firetap] ";

  private static final long serialVersionUID = 1L;

  private final transient PrintStream out;
  private final int threshold;

  AgentLogger(String name, PrintStream out) {
    this.name = name;
    this.out = out;
    this.threshold = name.startsWith("dev.firetap") ? Level.INFO.toInt() : Level.WARN.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  private boolean enabled(Level level) {
    return level.toInt() >= threshold;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    // One println per line keeps lines of concurrent threads apart.
    synchronized (out) {
      out.println(PREFIX + level + " " + message);
      if (throwable != null) {
        throwable.printStackTrace(out);
      }
    }
  }
}

package dev.firetap.agent.internal;

import java.util.function.Predicate;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a failed transformation, which leaves the class as it was: one WARN naming the type and
 * what the application loses by it.
 */
final class FailureWarning extends AgentBuilder.Listener.Adapter {
  private static final Logger log = LoggerFactory.getLogger(FailureWarning.class);

  private final Predicate<String> reported;
  private final String consequence;

  /** Warns for the types {@code reported} accepts, saying {@code consequence}. */
  FailureWarning(Predicate<String> reported, String consequence) {
    this.reported = reported;
    this.consequence = consequence;
  }

  @Override
  public void onError(
      String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
    if (reported.test(typeName)) {
      log.warn("{} could not be instrumented; {}: {}", typeName, consequence, throwable.toString());
    }
  }
}

package dev.firetap.agent.internal;

import dev.firetap.agent.bootstrap.AnnotationBridge;
import dev.firetap.agent.bootstrap.CommitBridge;
import dev.firetap.config.FiretapConfig;

/**
 * Connects the bootstrap bridges to the capture side and to annotated calls; loaded only after the
 * bridges are injected. Loads nothing of the Firestore client: the capture code is linked against
 * each client only when that client first commits.
 */
final class BridgeWiring {
  private BridgeWiring() {}

  static void connect(FiretapConfig config) {
    if (CommitBridge.class.getClassLoader() != null) {
      throw new IllegalStateException(
          "the commit bridge was loaded by "
              + CommitBridge.class.getClassLoader()
              + " instead of the bootstrap class loader; Firestore writes could not be seen");
    }
    CaptureExecutor executor = CaptureExecutor.start(config.threadsNice());
    CommitBridge.register(
        new CommitListener(config, FiretapStarter.start(config, executor), executor));
    AnnotationBridge.register(new AnnotatedCallHandler());
  }
}

package dev.firetap.agent.internal;

import dev.firetap.agent.bootstrap.AnnotationBridge;
import dev.firetap.agent.bootstrap.CommitBridge;
import dev.firetap.agent.internal.capture.CaptureExecutor;
import dev.firetap.agent.internal.capture.CommitCapture;
import dev.firetap.agent.internal.capture.FiretapStarter;
import dev.firetap.config.FiretapConfig;

/**
 * Connects the bootstrap bridges to the capture side and to annotated calls; loaded only after the
 * bridges are injected.
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
    CaptureExecutor executor = CaptureExecutor.start();
    CommitCapture capture =
        new CommitCapture(config, FiretapStarter.start(config, executor), executor);
    CommitBridge.register(new CommitListener(capture, executor));
    AnnotationBridge.register(new AnnotatedCallHandler());
  }
}

package dev.firetap.agent.internal;

import dev.firetap.agent.bootstrap.CommitBridge;
import dev.firetap.agent.internal.capture.CaptureExecutor;
import dev.firetap.agent.internal.capture.CommitCapture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the write requests (Commit and BatchWrite) out of everything the Firestore client sends and
 * hands them to {@link CommitCapture}. Runs on the application's thread: it only compares a class
 * name and registers a callback, and never lets anything escape.
 */
final class CommitListener implements CommitBridge.Listener {
  static final String COMMIT_REQUEST = "com.google.firestore.v1.CommitRequest";
  static final String BATCH_WRITE_REQUEST = "com.google.firestore.v1.BatchWriteRequest";

  private static final Logger log = LoggerFactory.getLogger(CommitListener.class);

  private final CommitCapture capture;
  private final CaptureExecutor executor;
  private final AtomicBoolean failureReported = new AtomicBoolean();

  CommitListener(CommitCapture capture, CaptureExecutor executor) {
    this.capture = capture;
    this.executor = executor;
  }

  @Override
  public void requestSent(Object firestore, Object request, Object response) {
    try {
      // Firetap's own snapshot reads never commit; this keeps it so if that ever changes.
      if (request == null || executor.isCaptureThread()) {
        return;
      }
      String type = request.getClass().getName();
      if (type.equals(COMMIT_REQUEST) || type.equals(BATCH_WRITE_REQUEST)) {
        capture.sent(firestore, request, response);
      }
    } catch (Throwable e) {
      if (failureReported.compareAndSet(false, true)) {
        log.error("capturing a Firestore write failed; its change events are lost", e);
      }
    }
  }
}

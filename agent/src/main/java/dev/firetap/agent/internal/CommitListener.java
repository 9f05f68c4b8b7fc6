package dev.firetap.agent.internal;

import dev.firetap.Firetap;
import dev.firetap.agent.bootstrap.CommitBridge;
import dev.firetap.config.FiretapConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the write requests (Commit and BatchWrite) out of everything the Firestore clients send and
 * hands each to the capture of its own client. Runs on the application's thread: it compares a
 * class name, looks the capture up and registers a callback, and never lets anything escape.
 *
 * <p>Each client class gets its capture the first time it commits: a {@link CaptureLoader} links
 * the capture code against that client, and the capture is created reflectively, so that no class
 * of the agent's loader refers to a Firestore type. The capture is kept in a {@link ClassValue} of
 * the client's class: it refers to the client's class loader, and would keep an undeployed web
 * application alive from any map of the agent's, but lives and dies with the client's class.
 */
final class CommitListener implements CommitBridge.Listener {
  static final String COMMIT_REQUEST = "com.google.firestore.v1.CommitRequest";
  static final String BATCH_WRITE_REQUEST = "com.google.firestore.v1.BatchWriteRequest";

  private static final String COMMIT_CAPTURE = CaptureLoader.CAPTURE_PACKAGE + ".CommitCapture";
  private static final Logger log = LoggerFactory.getLogger(CommitListener.class);
  private static final ClientCapture NOT_CAPTURED = (firestore, request, response) -> {};

  private final FiretapConfig config;
  private final CompletableFuture<Firetap> firetap;
  private final CaptureExecutor executor;
  private final AtomicBoolean failureReported = new AtomicBoolean();
  private final ClassValue<ClientCapture> captures =
      new ClassValue<>() {
        @Override
        protected ClientCapture computeValue(Class<?> client) {
          return captureOf(client.getClassLoader());
        }
      };

  /** Captures with the settings of {@code config} on {@code executor}, emitting via firetap. */
  CommitListener(
      FiretapConfig config, CompletableFuture<Firetap> firetap, CaptureExecutor executor) {
    this.config = config;
    this.firetap = firetap;
    this.executor = executor;
  }

  @Override
  public void requestSent(Object firestore, Object request, Object response) {
    try {
      // Firetap's own snapshot reads never commit; this keeps it so if that ever changes.
      if (firestore == null || request == null || executor.isCaptureThread()) {
        return;
      }
      String type = request.getClass().getName();
      if (type.equals(COMMIT_REQUEST) || type.equals(BATCH_WRITE_REQUEST)) {
        captures.get(firestore.getClass()).sent(firestore, request, response);
      }
    } catch (Throwable e) {
      if (failureReported.compareAndSet(false, true)) {
        log.error("capturing a Firestore write failed; its change events are lost", e);
      }
    }
  }

  private ClientCapture captureOf(ClassLoader client) {
    if (!FirestoreClient.isSupported(client)) {
      return NOT_CAPTURED;
    }
    try {
      Class<?> capture = Class.forName(COMMIT_CAPTURE, true, new CaptureLoader(client));
      return (ClientCapture)
          capture
              .getConstructor(FiretapConfig.class, CompletableFuture.class, CaptureExecutor.class)
              .newInstance(config, firetap, executor);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      log.error(
          "the capture code could not be linked against the Firestore client on {}; its writes"
              + " are not captured",
          FirestoreClient.where(client),
          e);
      return NOT_CAPTURED;
    }
  }
}

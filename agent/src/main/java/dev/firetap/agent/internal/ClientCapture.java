package dev.firetap.agent.internal;

/**
 * The capture of one Firestore client's writes, as the agent's own classes see it: JDK types only,
 * so that nothing loaded by the agent's class loader links against the client. The implementation
 * lives in a {@link CaptureLoader} next to the client it reads.
 *
 * <p>Not an API for applications.
 */
public interface ClientCapture {
  /**
   * Called on the application's thread right after the client sent a Commit or BatchWrite; only
   * registers a callback that runs on the capture thread.
   *
   * @param firestore the sending {@code FirestoreImpl}
   * @param request a {@code CommitRequest} or {@code BatchWriteRequest}
   * @param response the {@code ApiFuture} of its response
   */
  void sent(Object firestore, Object request, Object response);
}

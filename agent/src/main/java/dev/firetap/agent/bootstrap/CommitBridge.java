package dev.firetap.agent.bootstrap;

/**
 * The one class that advice inlined into the Firestore client calls. The agent puts it on the
 * bootstrap class path, so it resolves to this same class from every class loader that may load the
 * client; it uses JDK types only, because the bootstrap class loader sees nothing else.
 *
 * <p>Not an API for applications.
 */
public final class CommitBridge {
  private static volatile Listener listener;

  private CommitBridge() {}

  /** Receives every request the Firestore client sends through its request funnel. */
  public interface Listener {
    /**
     * Called on the sending thread right after the client handed {@code request} to gRPC.
     *
     * @param firestore the {@code FirestoreImpl} that sends it
     * @param request the protocol message, e.g. a {@code CommitRequest}
     * @param response the {@code ApiFuture} of the response
     */
    void requestSent(Object firestore, Object request, Object response);
  }

  /** Makes {@code listener} receive every request from now on; null stops delivery. */
  public static void register(Listener listener) {
    CommitBridge.listener = listener;
  }

  /** Hands a sent request to the registered listener, if there is one. */
  public static void requestSent(Object firestore, Object request, Object response) {
    Listener current = listener;
    if (current != null) {
      current.requestSent(firestore, request, response);
    }
  }
}

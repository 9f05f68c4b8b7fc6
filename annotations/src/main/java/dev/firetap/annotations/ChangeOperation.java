package dev.firetap.annotations;

/** What a {@link CaptureChange} method does to its document. */
public enum ChangeOperation {
  /** The document did not exist before the call; the event has {@code after} only. */
  CREATE,
  /**
   * The document existed before and after the call; the event has {@code before} and {@code after}.
   */
  UPDATE,
  /** The document no longer exists after the call; the event has {@code before} only. */
  DELETE
}

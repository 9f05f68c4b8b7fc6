package dev.firetap.sample;

import com.google.cloud.firestore.Firestore;
import dev.firetap.Firetap;

/**
 * Starts Firetap inside the application, for the build woven with Firetap's aspects ({@code mvn -P
 * aspectj}), where no agent does it. Loaded only then: in agent mode the application's class path
 * has no Firetap runtime.
 */
final class FiretapInProcess {
  private FiretapInProcess() {}

  /** Starts the instance that annotated methods report to; settings from the environment. */
  static AutoCloseable start(Firestore firestore) {
    return Firetap.builder().firestore(firestore).start();
  }
}

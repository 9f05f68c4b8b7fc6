package dev.firetap.sample;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;

/** Opens the Firestore client of the app and of its handlers. */
public final class SampleFirestore {
  private SampleFirestore() {}

  /** A client for the project and, when one is set, the emulator of {@code settings}. */
  public static Firestore open(SampleSettings settings) {
    FirestoreOptions.Builder options =
        FirestoreOptions.newBuilder().setProjectId(settings.firestoreProject());
    if (settings.firestoreEmulator() != null) {
      options
          .setEmulatorHost(settings.firestoreEmulator())
          .setCredentials(new FirestoreOptions.EmulatorCredentials());
    }
    return options.build().getService();
  }
}

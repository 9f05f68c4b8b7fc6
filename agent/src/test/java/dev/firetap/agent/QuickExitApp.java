package dev.firetap.agent;

import com.google.cloud.firestore.Firestore;
import java.util.Map;

/**
 * An application that writes one document, closes its client and exits at once: {@code <emulator
 * host>}.
 */
public final class QuickExitApp {
  private QuickExitApp() {}

  public static void main(String[] args) throws Exception {
    try (Firestore db = WritingApp.connect(args[0])) {
      db.collection("quick").document("q1").set(Map.of("ok", true)).get();
    }
    System.out.println("APP EXITS");
  }
}

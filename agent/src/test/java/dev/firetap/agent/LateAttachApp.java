package dev.firetap.agent;

import com.google.cloud.firestore.Firestore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An application started without the agent, which is attached to it while it runs: {@code <emulator
 * host>}. It writes one document, prints {@code READY}, and writes another when it reads {@code GO}
 * on its standard input, then prints {@code WROTE}.
 */
public final class LateAttachApp {
  private LateAttachApp() {}

  public static void main(String[] args) throws Exception {
    try (Firestore db = WritingApp.connect(args[0]);
        BufferedReader input =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      db.collection("early").document("e1").set(Map.of("seen", false)).get();
      System.out.println("READY");
      while (!"GO".equals(input.readLine())) {
        Thread.onSpinWait();
      }
      db.collection("late").document("l1").set(Map.of("seen", true)).get();
      System.out.println("WROTE");
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}

package dev.firetap.agent;

import com.google.cloud.firestore.Firestore;
import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import java.util.Map;

/**
 * An application with the Firetap runtime on its class path that starts Firetap itself, besides the
 * agent: {@code <emulator host> <redis url> <spool dir>}. It prints whether its instance shares the
 * agent's emitter, logs one event and writes one document.
 */
public final class RuntimeUsingApp {
  private RuntimeUsingApp() {}

  public static void main(String[] args) throws Exception {
    while (Firetap.global().isEmpty()) {
      Thread.sleep(10);
    }
    Firetap agents = Firetap.global().get();
    Firetap own =
        Firetap.start(
            FiretapConfig.load("redis.url=" + args[1] + ",spool.dir=" + args[2] + ",service=shop"));
    System.out.println("SAME EMITTER " + (own.emitter() == agents.emitter()));
    own.logs().info("order_placed", Map.of("order", "o1"));
    try (Firestore db = WritingApp.connect(args[0])) {
      db.collection("orders").document("o1").set(Map.of("status", "placed")).get();
    }
    own.close();
    System.out.println("APP EXITS");
  }
}

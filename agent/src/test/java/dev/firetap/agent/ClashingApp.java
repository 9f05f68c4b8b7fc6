package dev.firetap.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.cloud.firestore.Firestore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.StringWriter;
import java.util.Map;

/**
 * An application with its own, older Lettuce, Netty, Reactor and Jackson on its class path: {@code
 * <emulator host> <redis url>}. It uses them, writes one Firestore document and prints where each
 * library came from, then {@code APP OK}, and runs until its standard input closes.
 */
public final class ClashingApp {
  private ClashingApp() {}

  public static void main(String[] args) throws Exception {
    System.out.println("lettuce from " + origin(RedisClient.class));
    System.out.println("netty from " + origin(io.netty.channel.Channel.class));
    System.out.println("jackson from " + origin(JsonFactory.class));

    RedisClient redis = RedisClient.create(args[1]);
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      connection.sync().set("app:key", "app value");
      System.out.println("redis says " + connection.sync().get("app:key"));
    }
    redis.shutdown();

    StringWriter json = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(json)) {
      generator.writeStartObject();
      generator.writeStringField("app", "json");
      generator.writeEndObject();
    }
    System.out.println("jackson wrote " + json);

    Firestore db = WritingApp.connect(args[0]);
    db.collection("clash").document("c1").set(Map.of("ok", true)).get();
    System.out.println("APP OK");
    // Runs on, as a service does, until the test has seen the event and closes standard input.
    System.in.read();
    db.close();
  }

  private static String origin(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath();
  }
}

package dev.firetap.agent;

import dev.firetap.annotations.Logged;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * An application that needs nothing but {@code firetap-annotations}: as soon as it starts, without
 * waiting for the agent's Firetap instance to run, it greets three visitors through an annotated
 * method, prints {@code DONE} and waits to be killed.
 */
public final class GreetingApp {
  private GreetingApp() {}

  /** Who is greeted; a record, so that the agent takes it apart field by field. */
  public record Visitor(String name, int visits) {}

  /** The annotated service. */
  public static final class Greeter {
    @Logged(event = "greeting", includeArguments = true, includeResult = true)
    public Map<String, Object> greet(Visitor visitor) {
      return Map.of("text", "hello " + visitor.name(), "visits", visitor.visits() + 1);
    }
  }

  public static void main(String[] args) throws Exception {
    Greeter greeter = new Greeter();
    for (String name : List.of("ada", "grace", "edsger")) {
      greeter.greet(new Visitor(name, 1));
    }
    System.out.println("DONE");
    new CountDownLatch(1).await();
  }
}

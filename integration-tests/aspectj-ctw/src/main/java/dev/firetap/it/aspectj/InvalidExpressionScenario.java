package dev.firetap.it.aspectj;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls of the invalid expression tests, with what the application itself observed: results
 * must be exactly those of the unannotated methods.
 */
public final class InvalidExpressionScenario {
  /** Printed once {@link MisannotatedService} is loaded, before its first call. */
  public static final String LOADED = "service loaded";

  /** The events the calls emit with AspectJ: log events of store and of status. */
  public static final int EVENTS_WOVEN = 2;

  private InvalidExpressionScenario() {}

  /**
   * Makes every call once.
   *
   * @return what the caller saw, one line per call
   */
  public static List<String> run() {
    MisannotatedService service = new MisannotatedService();
    System.out.println(LOADED);
    List<String> seen = new ArrayList<>();
    Order order = new Order("o7", "pen", "c7", "V-7");
    seen.add("store returned its argument: " + (service.store(order) == order));
    seen.add("cancel returned " + service.cancel("o7"));
    seen.add("status returned " + service.status("o7"));
    return seen;
  }
}

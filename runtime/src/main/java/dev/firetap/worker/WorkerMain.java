package dev.firetap.worker;

import dev.firetap.config.FiretapConfig;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.HandlerRuntime;
import java.util.concurrent.CountDownLatch;

/**
 * The handler worker process: {@code worker --handlers <package> | --class <fqcn> [--set
 * <option>=<value>]...}. It registers every handler class found, reads the Firetap settings from
 * system properties and environment variables, and runs until SIGTERM, when it stops reading, lets
 * running handlers finish and acknowledge within {@code firetap.shutdown.timeout}, closes the
 * resources its handler classes shared through their {@link HandlerContext}, and exits.
 *
 * <p>Exit codes: 2 for invalid arguments or settings, 1 when the handlers cannot start.
 */
public final class WorkerMain {
  private WorkerMain() {}

  /** Runs the worker; see the class description for the arguments. */
  public static void main(String[] args) throws InterruptedException {
    HandlerRuntime runtime;
    HandlerContext context;
    try {
      WorkerArguments arguments = WorkerArguments.parse(args);
      FiretapConfig config = FiretapConfig.load();
      context = new HandlerContext(config);
      runtime = start(arguments, config, context);
    } catch (IllegalArgumentException e) {
      System.err.println("firetap worker: " + e.getMessage());
      System.err.println(
          "usage: worker (--handlers <package> | --class <class name>)..."
              + " [--set <option>=<value>]...");
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      System.err.println("firetap worker: cannot start: " + e);
      System.exit(1);
      return;
    }
    closeAtShutdown(runtime, context);
    System.out.println("firetap worker: running handlers " + runtime.handlerIds());
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /**
   * Closes the context at JVM shutdown once the runtime has stopped: its own shutdown hook lets the
   * handlers finish, and {@link HandlerRuntime#close()} waits for that.
   */
  private static void closeAtShutdown(HandlerRuntime runtime, HandlerContext context) {
    Thread hook =
        new Thread(
            () -> {
              runtime.close();
              context.close();
            },
            "firetap-worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Registers the handlers the arguments name, each class created with {@code context} when it
   * takes one, and starts them. The caller closes the context after the runtime; when starting
   * fails, this closes it.
   *
   * @throws IllegalArgumentException when a class cannot be used as a handler or no handler is
   *     found
   */
  static HandlerRuntime start(
      WorkerArguments arguments, FiretapConfig config, HandlerContext context) {
    try {
      return builder(arguments, config, context).start();
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  private static HandlerRuntime.Builder builder(
      WorkerArguments arguments, FiretapConfig config, HandlerContext context) {
    HandlerClasses classes = new HandlerClasses(Thread.currentThread().getContextClassLoader());
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config).defaultOptions(arguments.options());
    int found = 0;
    for (String packageName : arguments.packages()) {
      for (Class<?> type : classes.inPackage(packageName)) {
        builder.register(classes.instantiate(type, context));
        found++;
      }
    }
    for (String className : arguments.classes()) {
      builder.register(classes.instantiate(className, context));
      found++;
    }
    if (found == 0) {
      throw new IllegalArgumentException(
          "no class with @OnChange or @OnLog methods in packages " + arguments.packages());
    }
    return builder;
  }
}

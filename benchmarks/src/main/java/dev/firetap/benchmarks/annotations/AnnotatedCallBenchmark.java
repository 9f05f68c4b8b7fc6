package dev.firetap.benchmarks.annotations;

import dev.firetap.Firetap;
import dev.firetap.benchmarks.AgentJar;
import dev.firetap.benchmarks.annotations.woven.WovenLoggedTarget;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time per call of a {@code @Logged} method (no arguments, no result in the event): plain,
 * instrumented by the Firetap agent, and woven at build time with the AspectJ aspect. Each
 * invocation makes {@value #CALLS} calls, and before each invocation, untimed, the emitter's queue
 * is drained to Redis: the calls are measured as the application sees them, handing events over to
 * a queue that is never full. The Firetap settings (Redis, spool) come as system properties from
 * {@link AnnotationsBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class AnnotatedCallBenchmark {
  /** Calls per invocation: few enough for the emitter's queue, many enough to time. */
  static final int CALLS = 10_000;

  /** The agent jar, relative to the project root, where {@code ./firetap bench} runs. */
  static final String AGENT_JAR = AgentJar.PATH;

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  /** The plain target, in a JVM without Firetap. */
  @State(Scope.Thread)
  public static class Plain {
    final LoggedTarget target = new LoggedTarget();

    /** Nothing to drain; present so that every variant runs the same harness. */
    @Setup(Level.Invocation)
    public void drain() {}
  }

  /** The plain target in a JVM with the agent, which starts Firetap itself. */
  @State(Scope.Thread)
  public static class Agent {
    final LoggedTarget target = new LoggedTarget();
    Firetap firetap;

    /**
     * Waits until the agent's Firetap instance runs: calls before that take another path (they are
     * held until it runs), which is not the one measured.
     */
    @Setup(Level.Trial)
    public void awaitAgent() {
      long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
      while (Firetap.global().isEmpty()) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("the agent's Firetap did not start; is " + AGENT_JAR);
        }
        Thread.onSpinWait();
      }
      firetap = Firetap.global().get();
    }

    /** Empties the emitter's queue, untimed. */
    @Setup(Level.Invocation)
    public void drain() {
      AnnotatedCallBenchmark.drain(firetap);
    }
  }

  /** The woven target in a JVM whose Firetap the benchmark starts, as an application would. */
  @State(Scope.Thread)
  public static class Woven {
    final WovenLoggedTarget target = new WovenLoggedTarget();
    Firetap firetap;

    /** Starts Firetap with the settings of the system properties. */
    @Setup(Level.Trial)
    public void start() {
      firetap = Firetap.start();
    }

    /** Empties the emitter's queue, untimed. */
    @Setup(Level.Invocation)
    public void drain() {
      AnnotatedCallBenchmark.drain(firetap);
    }

    /** Delivers what is left and stops. */
    @TearDown(Level.Trial)
    public void stop() {
      firetap.close();
    }
  }

  /** Calls the method with nothing instrumenting it. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int plain(Plain state) {
    int sum = 0;
    for (int i = 0; i < CALLS; i++) {
      sum += state.target.call(i);
    }
    return sum;
  }

  /** Calls the method instrumented by the Firetap agent. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  @Fork(value = 2, jvmArgsAppend = "-javaagent:" + AGENT_JAR)
  public int agent(Agent state) {
    int sum = 0;
    for (int i = 0; i < CALLS; i++) {
      sum += state.target.call(i);
    }
    return sum;
  }

  /** Calls the method woven at build time with the AspectJ aspect. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int woven(Woven state) {
    int sum = 0;
    for (int i = 0; i < CALLS; i++) {
      sum += state.target.call(i);
    }
    return sum;
  }

  private static void drain(Firetap firetap) {
    if (!firetap.emitter().flush(DRAIN_TIMEOUT)) {
      throw new IllegalStateException(
          "the emitter did not drain within " + DRAIN_TIMEOUT + ": " + firetap.emitter().stats());
    }
  }
}

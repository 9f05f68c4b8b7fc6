package dev.firetap.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.EventHeaders;
import dev.firetap.event.EventHeaders.ChangeHeader;
import dev.firetap.event.Operation;
import dev.firetap.handler.internal.DecodedEvent;
import dev.firetap.handler.internal.HandlerTarget;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU time of decoding one change event, the 439-byte event of the handler throughput benchmark
 * ({@link HandlerThroughput#event(int)}): Firetap's full decode, its routing-field scan, the two as
 * the handler runtime runs them one after the other, and as the baseline a plain Jackson streaming
 * pass that reads every token and value of the same bytes and builds nothing.
 *
 * <p>Usage, from the project root once {@code ./firetap bench handlers} has built the jars: {@code
 * java -cp "$(ls benchmarks/target/firetap-benchmarks-*T.jar):$(cat
 * benchmarks/target/classpath.txt)" org.openjdk.jmh.Main EventDecodingBenchmark -prof
 * dev.firetap.benchmarks.ProcessCpuProfiler}, which adds the JVM's CPU time per decode.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EventDecodingBenchmark {
  private static final JsonFactory JSON = new JsonFactory();

  private final byte[] event = HandlerThroughput.event(0);
  private final HandlerTarget target =
      new HandlerTarget.Changes("orders", EnumSet.allOf(Operation.class), (e, delivery) -> {});

  /** The whole event, as handlers, subscriptions and the console receive it. */
  @Benchmark
  public ChangeEvent decodeChange() {
    return EventCodec.decodeChange(event);
  }

  /** Only the routing fields, as the handler runtime's reader reads them. */
  @Benchmark
  public ChangeHeader headers() {
    return EventHeaders.change(event);
  }

  /** The routing fields on the reader, then the whole event where the handler runs. */
  @Benchmark
  public DecodedEvent.Invocation handlerPath() {
    return target.decode(event).body().decode();
  }

  /** What any decoder pays at least: Jackson's tokens, names and values, nothing built. */
  @Benchmark
  public long streamingPass() throws IOException {
    long sum = 0;
    try (JsonParser parser = JSON.createParser(event)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        sum +=
            switch (token) {
              case FIELD_NAME -> parser.currentName().length();
              case VALUE_STRING -> parser.getText().length();
              case VALUE_NUMBER_INT -> parser.getLongValue();
              default -> token.ordinal();
            };
      }
    }
    return sum;
  }
}

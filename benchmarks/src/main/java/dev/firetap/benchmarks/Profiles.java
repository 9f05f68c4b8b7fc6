package dev.firetap.benchmarks;

import dev.firetap.benchmarks.Profile.HotMethod;
import dev.firetap.benchmarks.Profile.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR profiles of the parts that miss their goals: recording them, in this JVM or in a child JVM,
 * and summarising a recording as its hottest methods.
 */
public final class Profiles {
  /** Where the recordings go, relative to the project root; git ignores the files. */
  public static final Path DIRECTORY = Path.of("benchmarks", "results", "profiles");

  private static final Duration SAMPLE_PERIOD = Duration.ofMillis(1);
  private static final int TOP = 10;
  private static final String FIRETAP = "dev.firetap.";
  private static final String HARNESS = "dev.firetap.benchmarks.";

  private Profiles() {}

  /**
   * A recording with JFR's {@code profile} settings that asks for an execution sample of the
   * running threads every millisecond instead of every 10, for more samples from parts that run a
   * few seconds; not started.
   */
  public static Recording newRecording() {
    try {
      Recording recording = new Recording(Configuration.getConfiguration("profile"));
      recording.enable(Kind.CPU.event()).withPeriod(SAMPLE_PERIOD);
      return recording;
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("the JDK's JFR 'profile' settings cannot be read", e);
    }
  }

  /** The JVM option that records a whole child JVM to {@code file} with the same settings. */
  public static String jvmOption(Path file) {
    return "-XX:StartFlightRecording=settings=profile,%s#period=%dms,filename=%s"
        .formatted(Kind.CPU.event(), SAMPLE_PERIOD.toMillis(), file.toAbsolutePath());
  }

  /** The file the recording of figure {@code id} goes to; its folder is created. */
  public static Path file(String id) {
    try {
      Files.createDirectories(DIRECTORY);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + DIRECTORY.toAbsolutePath(), e);
    }
    return DIRECTORY.resolve(id + ".jfr");
  }

  /** Runs {@code work} in this JVM under a recording, then summarises where its CPU time went. */
  public static Profile record(String id, Callable<?> work) throws Exception {
    Path file = file(id);
    try (Recording recording = newRecording()) {
      recording.start();
      work.call();
      recording.stop();
      recording.dump(file);
    }
    return summarize(file, Kind.CPU);
  }

  /** The hottest methods of the recording {@code file}. */
  public static Profile summarize(Path file, Kind kind) throws IOException {
    Map<String, Long> top = new HashMap<>();
    Map<String, Long> firetap = new HashMap<>();
    long total = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        RecordedStackTrace stack = event.getStackTrace();
        if (!event.getEventType().getName().equals(kind.event()) || stack == null) {
          continue;
        }
        List<RecordedFrame> frames = stack.getFrames();
        if (frames.isEmpty()) {
          continue;
        }
        long weight = kind == Kind.CPU ? 1 : event.getLong("weight");
        total += weight;
        top.merge(name(frames.get(0).getMethod()), weight, Long::sum);
        frames.stream()
            .map(frame -> name(frame.getMethod()))
            .filter(name -> name.startsWith(FIRETAP) && !name.startsWith(HARNESS))
            .findFirst()
            .ifPresent(name -> firetap.merge(name, weight, Long::sum));
      }
    }
    return new Profile(file.toString(), kind, total, hottest(top, total), hottest(firetap, total));
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }

  private static List<HotMethod> hottest(Map<String, Long> weights, long total) {
    return weights.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(TOP)
        .map(
            entry ->
                new HotMethod(entry.getKey(), Results.rounded(100.0 * entry.getValue() / total, 1)))
        .toList();
  }
}

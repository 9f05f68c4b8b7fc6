package dev.firetap.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Copies what is written to {@code System.err} while it is open, which is where slf4j-simple, the
 * tests' logger, writes every line; {@code System.err} goes on printing as before.
 */
public final class CapturedLog implements AutoCloseable {
  private final PrintStream original;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private CapturedLog(PrintStream original) {
    this.original = original;
  }

  /** Starts copying; {@link #close()} stops. */
  public static CapturedLog start() {
    CapturedLog log = new CapturedLog(System.err);
    System.setErr(new PrintStream(log.new Tee(), true, StandardCharsets.UTF_8));
    return log;
  }

  /** The lines written so far that contain every one of {@code parts}. */
  public List<String> linesWith(String... parts) {
    String text;
    synchronized (copy) {
      text = copy.toString(StandardCharsets.UTF_8);
    }
    return text.lines().filter(line -> Arrays.stream(parts).allMatch(line::contains)).toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }

  private final class Tee extends OutputStream {
    @Override
    public void write(int b) {
      original.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      original.write(bytes, offset, length);
      synchronized (copy) {
        copy.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}

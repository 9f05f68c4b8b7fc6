package dev.firetap.handler.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Consumer names {@code <host>-<pid>-<8 random hex digits>}: unique per process start. */
public final class ConsumerNames {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ConsumerNames() {}

  /** A new name for a consumer of this process on {@code host}. */
  public static String create(String host) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
  }
}

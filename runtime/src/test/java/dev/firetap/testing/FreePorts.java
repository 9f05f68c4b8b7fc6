package dev.firetap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback ports that nothing listens on at the moment of asking. */
final class FreePorts {
  private static final String LOOPBACK = "127.0.0.1";

  private FreePorts() {}

  /**
   * A port that was free on 127.0.0.1 a moment ago. Another process may take it before the caller
   * binds it, so servers started on it retry on a new port when the bind fails.
   */
  static int next() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a free port on 127.0.0.1", e);
    }
  }
}

package dev.firetap.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one command to a Redis server over a plain socket. The rig uses it instead of Lettuce for
 * readiness checks and housekeeping, so that starting a server costs no client start-up.
 */
final class RedisSocket {
  private static final String HOST = "127.0.0.1";

  private RedisSocket() {}

  /**
   * Sends {@code arguments} as one RESP command to 127.0.0.1:{@code port} and returns the first
   * line of the reply, or an empty string when the server closed the connection without replying
   * (as SHUTDOWN does).
   *
   * @throws IOException when the server cannot be reached or does not reply within {@code timeout}
   */
  static String send(int port, Duration timeout, String... arguments) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(encode(arguments));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line = in.readLine();
      return line == null ? "" : line;
    }
  }

  /** True when a server on {@code port} answers PING within {@code timeout}. */
  static boolean answersPing(int port, Duration timeout) {
    try {
      return send(port, timeout, "PING").equals("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] encode(String... arguments) {
    StringBuilder command = new StringBuilder().append('*').append(arguments.length).append("\r\n");
    for (String argument : arguments) {
      byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
      command.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
    }
    return command.toString().getBytes(StandardCharsets.UTF_8);
  }
}

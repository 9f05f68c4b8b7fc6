package dev.firetap.testing;

import java.io.IOException;

/**
 * A test JVM in miniature, run as a child by {@link OrphanedServerIT}: it starts a Redis server,
 * prints its port, and then either exits without stopping it ({@code exit}) or waits to be killed
 * ({@code wait}).
 */
final class ChildJvmWithRedis {
  private ChildJvmWithRedis() {}

  public static void main(String[] args) throws IOException {
    RedisServer server = RedisServer.start();
    System.out.println(server.port());
    System.out.flush();
    if (args.length > 0 && args[0].equals("exit")) {
      System.exit(0);
    }
    System.in.read();
  }
}

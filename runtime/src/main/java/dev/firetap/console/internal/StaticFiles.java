package dev.firetap.console.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's pages, scripts and styles from {@code dev/firetap/console/} in the runtime jar, and
 * uPlot from its webjar, so the console needs no internet.
 */
final class StaticFiles {
  private static final String OWN = "dev/firetap/console/";
  private static final String UPLOT_VERSION_FILE =
      "META-INF/maven/org.webjars.npm/uplot/pom.properties";
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9]+)+");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", Responses.HTML,
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");

  private final ClassLoader loader = StaticFiles.class.getClassLoader();
  private final String uplotDirectory =
      "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /** The whole page: the shared frame with the page's own content. */
  byte[] page(ConsolePage page) {
    String frame = text(OWN + "pages/page.html");
    String content = text(OWN + "pages/" + page.id() + ".html");
    return page.fill(frame, content).getBytes(StandardCharsets.UTF_8);
  }

  private String text(String resource) {
    byte[] bytes =
        cache.computeIfAbsent(
            resource,
            name ->
                load(name)
                    .orElseThrow(
                        () -> new IllegalStateException(name + " is missing from the class path")));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Sends {@code assets/<file>}, or 404. */
  void sendAsset(HttpExchange exchange, String file) throws IOException {
    send(exchange, read(OWN + "assets/", file), file);
  }

  /** Sends a file of uPlot's {@code dist} folder, or 404. */
  void sendUplot(HttpExchange exchange, String file) throws IOException {
    send(exchange, read(uplotDirectory, file), file);
  }

  private void send(HttpExchange exchange, Optional<byte[]> content, String file)
      throws IOException {
    if (content.isEmpty()) {
      Responses.error(exchange, 404, "no such file: " + file);
      return;
    }
    String extension = file.substring(file.lastIndexOf('.') + 1);
    Responses.send(exchange, 200, TYPES.get(extension), content.get());
  }

  private Optional<byte[]> read(String directory, String file) {
    String extension = file.substring(file.lastIndexOf('.') + 1);
    if (!FILE_NAME.matcher(file).matches() || !TYPES.containsKey(extension)) {
      return Optional.empty();
    }
    String resource = directory + file;
    byte[] cached = cache.get(resource);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<byte[]> content = load(resource);
    content.ifPresent(bytes -> cache.put(resource, bytes));
    return content;
  }

  private Optional<byte[]> load(String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
    }
  }

  /** The version of the uPlot webjar on the class path, from its Maven properties. */
  private String uplotVersion() {
    Properties properties = new Properties();
    try (InputStream in = loader.getResourceAsStream(UPLOT_VERSION_FILE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the uPlot webjar (org.webjars.npm:uplot) is not on the class path: "
                + UPLOT_VERSION_FILE
                + " is missing");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + UPLOT_VERSION_FILE, e);
    }
    return properties.getProperty("version");
  }
}

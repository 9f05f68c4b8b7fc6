package dev.firetap.console.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The console's pages. Each is the shared frame {@code pages/page.html} around its own content,
 * {@code pages/<name>.html}, with its script {@code assets/<name>.js}.
 */
enum ConsolePage {
  LOGS("logs", "Logs", ""),
  STATS(
      "stats",
      "Stats",
      "  <link rel=\"stylesheet\" href=\"/vendor/uplot/uPlot.min.css\">\n"
          + "  <script src=\"/vendor/uplot/uPlot.iife.min.js\" defer></script>\n"),
  LIVE("live", "Live tail", ""),
  HANDLERS("handlers", "Handlers", ""),
  DEAD_LETTERS("deadletters", "Dead letters", "");

  private final String id;
  private final String title;
  private final String head;

  ConsolePage(String id, String title, String head) {
    this.id = id;
    this.title = title;
    this.head = head;
  }

  /** The page served at {@code /<id>}; empty when there is none. */
  static Optional<ConsolePage> withId(String id) {
    return Arrays.stream(values()).filter(page -> page.id.equals(id)).findFirst();
  }

  /** The name in the page's path and in its files, such as {@code deadletters}. */
  String id() {
    return id;
  }

  /** The page's frame filled in: its id, title, extra head lines and content. */
  String fill(String frame, String content) {
    return frame
        .replace("{{title}}", title)
        .replace("{{head}}", head)
        .replace("{{page}}", id)
        .replace("{{main}}", content);
  }
}

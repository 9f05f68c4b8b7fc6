package dev.firetap.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the agent argument string {@code name=value,name=value} into entries. Empty entries (as in
 * {@code a=1,,b=2} or a trailing comma) are skipped; an entry without a name or without '=' is a
 * problem. A value may contain '=' but not ',', except the cluster URL of {@code redis.url}: there
 * the entries without '=' that follow it are its further nodes, so that {@code
 * redis.url=redis-cluster://a:7000,b:7001,service=shop} names two nodes, as the same URL does in a
 * system property.
 */
final class AgentArguments {
  static final String ORIGIN = " (from agent argument)";

  private AgentArguments() {}

  /** One {@code name=value} entry, the name as written (with or without {@code firetap.}). */
  record Entry(String name, String value) {}

  /** The entries and the problems found, both in the order written. */
  record Parsed(List<Entry> entries, List<String> problems) {
    Parsed {
      entries = List.copyOf(entries);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Parses the agent argument string.
   *
   * @param arguments the text after {@code firetap-agent.jar=}, or null if there is none
   */
  static Parsed parse(String arguments) {
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (arguments == null) {
      return new Parsed(entries, problems);
    }
    for (String raw : arguments.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals < 0 && endsWithClusterUrl(entries)) {
        Entry url = entries.remove(entries.size() - 1);
        entries.add(new Entry(url.name(), url.value() + "," + entry));
      } else if (equals <= 0) {
        problems.add(malformed(entry));
      } else {
        entries.add(new Entry(entry.substring(0, equals).strip(), entry.substring(equals + 1)));
      }
    }
    return new Parsed(entries, problems);
  }

  private static boolean endsWithClusterUrl(List<Entry> entries) {
    if (entries.isEmpty()) {
      return false;
    }
    Entry last = entries.get(entries.size() - 1);
    String value = last.value().strip();
    return (last.name().equals("redis.url") || last.name().equals("firetap.redis.url"))
        && (startsWithIgnoringCase(value, "redis-cluster://")
            || startsWithIgnoringCase(value, "rediss-cluster://"));
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static String malformed(String entry) {
    return "agent arguments must be name=value pairs separated by ',', as in"
        + " redis.url=redis://127.0.0.1:6380,batch.size=1000; got '"
        + withoutCredentials(entry)
        + "'";
  }

  // An entry such as "=redis://:secret@host" may carry a password; never echo it.
  private static String withoutCredentials(String entry) {
    int scheme = entry.indexOf("://");
    int at = entry.lastIndexOf('@');
    return scheme < 0 || at < scheme
        ? entry
        : entry.substring(0, scheme + 3) + "***" + entry.substring(at);
  }
}

package dev.firetap.agent.internal.capture;

import dev.firetap.config.FiretapConfig;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which collections the agent captures: {@code firetap.cdc.include} minus {@code
 * firetap.cdc.exclude}, and never Firetap's own {@code firetap.errors.collection}.
 *
 * @param include patterns of the included collection ids
 * @param exclude patterns of the excluded collection ids
 * @param ownCollection the error archive's collection id
 */
record CollectionFilter(List<Pattern> include, List<Pattern> exclude, String ownCollection) {

  CollectionFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  static CollectionFilter of(FiretapConfig config) {
    return new CollectionFilter(
        config.cdcInclude().stream().map(CollectionFilter::glob).toList(),
        config.cdcExclude().stream().map(CollectionFilter::glob).toList(),
        config.errorsCollection());
  }

  /** Whether writes to documents of collections with this id are captured. */
  boolean captures(String collectionId) {
    return !collectionId.equals(ownCollection)
        && matchesAny(include, collectionId)
        && !matchesAny(exclude, collectionId);
  }

  private static boolean matchesAny(List<Pattern> patterns, String collectionId) {
    return patterns.stream().anyMatch(pattern -> pattern.matcher(collectionId).matches());
  }

  /** {@code *} matches any run of characters, {@code ?} one; everything else itself. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(quote(literal)).append(c == '*' ? ".*" : ".");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    return Pattern.compile(regex.append(quote(literal)).toString(), Pattern.DOTALL);
  }

  private static String quote(StringBuilder literal) {
    return literal.length() == 0 ? "" : Pattern.quote(literal.toString());
  }
}

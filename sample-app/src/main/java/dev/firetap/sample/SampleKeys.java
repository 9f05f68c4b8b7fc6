package dev.firetap.sample;

/**
 * The Redis keys of the sample's own state, all under {@code sample:}, so that the app, its
 * handlers and the demo agree on them.
 */
public final class SampleKeys {
  /** The XP leaderboard: a sorted set of user id by total XP. */
  public static final String LEADERBOARD = "sample:leaderboard:xp";

  /** The analytics counters: a hash of counter name to total. */
  public static final String ANALYTICS = "sample:analytics";

  /** Games played per user: a hash of user id to count. */
  public static final String GAMES_PLAYED = "sample:games-played";

  private SampleKeys() {}

  /** The cached profile of a user: a JSON string. */
  public static String cachedUser(String userId) {
    return "sample:cache:user:" + userId;
  }

  /** The achievements a user unlocked: a set of names. */
  public static String achievements(String userId) {
    return "sample:achievements:" + userId;
  }

  /** The users whose profile contains a search token: a set of user ids. */
  public static String searchToken(String token) {
    return "sample:search:user:" + token;
  }

  /** The search tokens a user is indexed under: a set of tokens. */
  public static String searchTokensOf(String userId) {
    return "sample:search:tokens:" + userId;
  }

  /** Marks that a handler applied an event's increments: a string that expires. */
  public static String applied(String handlerId, String eventId) {
    return "sample:applied:" + handlerId + ":" + eventId;
  }
}

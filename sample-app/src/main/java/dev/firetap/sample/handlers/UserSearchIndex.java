package dev.firetap.sample.handlers;

import dev.firetap.event.ChangeEvent;
import dev.firetap.handler.Delivery;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnChange;
import dev.firetap.sample.SampleKeys;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A search index of users by the words of their display name and city: one set of user ids per
 * token ({@link SampleKeys#searchToken}), and per user the set of its tokens. Each change replaces
 * the user's tokens with those of its new state, so it does not matter how often it runs; a stale
 * change — a newer state of the user was indexed already — is skipped.
 */
public final class UserSearchIndex {
  // KEYS[1] the user's token set; ARGV[1] the user id, ARGV[2] the prefix of the token sets,
  // ARGV[3..] the new tokens. The token sets are named in the script: Redis Cluster would need
  // them in KEYS, which standalone Redis does not.
  private static final String REINDEX =
      """
      for _, token in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        redis.call('SREM', ARGV[2] .. token, ARGV[1])
      end
      redis.call('DEL', KEYS[1])
      for i = 3, #ARGV do
        redis.call('SADD', ARGV[2] .. ARGV[i], ARGV[1])
        redis.call('SADD', KEYS[1], ARGV[i])
      end
      return #ARGV - 2
      """;

  private final SampleClients clients;

  /** Created by the worker, with its shared clients. */
  public UserSearchIndex(HandlerContext context) {
    this.clients = SampleClients.of(context);
  }

  /** Indexes the user's new state; a deleted user is removed from the index. */
  @OnChange(id = "user-search", collection = "users")
  public void index(ChangeEvent event, Delivery delivery) {
    if (delivery.stale()) {
      return;
    }
    Fields user = Fields.after(event);
    List<String> arguments =
        new ArrayList<>(List.of(event.documentId(), SampleKeys.searchToken("")));
    arguments.addAll(tokens(user.optionalText("displayName"), user.optionalText("city")));
    clients
        .redis()
        .eval(
            REINDEX,
            ScriptOutputType.INTEGER,
            new String[] {SampleKeys.searchTokensOf(event.documentId())},
            arguments.toArray(new String[0]));
  }

  /** The distinct lower-case words of two or more letters or digits of the texts, sorted. */
  public static List<String> tokens(String... texts) {
    TreeSet<String> tokens = new TreeSet<>();
    for (String text : texts) {
      if (text != null) {
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
            .filter(word -> word.length() >= 2)
            .forEach(tokens::add);
      }
    }
    return List.copyOf(tokens);
  }
}

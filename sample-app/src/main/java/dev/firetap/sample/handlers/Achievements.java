package dev.firetap.sample.handlers;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnChange;
import dev.firetap.sample.SampleKeys;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * Unlocks achievements as users play, into the set {@link SampleKeys#achievements}: {@code
 * first-game}, {@code regular} after ten games, {@code high-scorer} for a score of 900 or more.
 * Games are counted once per game; achievements follow from the count, so running a game's event
 * again unlocks nothing new.
 */
public final class Achievements {
  /** Games a user must have played to be a regular. */
  public static final long REGULAR_GAMES = 10;

  /** The score that makes a high scorer. */
  public static final long HIGH_SCORE = 900;

  private static final String ID = "achievements";

  private final SampleClients clients;

  /** Created by the worker, with its shared clients. */
  public Achievements(HandlerContext context) {
    this.clients = SampleClients.of(context);
  }

  /** Counts the game and unlocks what the player earned. */
  @OnChange(id = ID, collection = "games", ops = Operation.CREATE)
  public void unlock(ChangeEvent event) {
    Fields game = Fields.after(event);
    String userId = game.text("userId");
    RedisCommands<String, String> redis = clients.redis();
    new RedisIncrements().hash(SampleKeys.GAMES_PLAYED, userId, 1).applyOnce(redis, ID, event.id());
    long played = Long.parseLong(redis.hget(SampleKeys.GAMES_PLAYED, userId));
    List<String> earned = earned(played, game.whole("score"));
    redis.sadd(SampleKeys.achievements(userId), earned.toArray(new String[0]));
  }

  /** The achievements a user with {@code played} games, one of them scoring {@code score}, has. */
  public static List<String> earned(long played, long score) {
    List<String> earned = new ArrayList<>(List.of("first-game"));
    if (played >= REGULAR_GAMES) {
      earned.add("regular");
    }
    if (score >= HIGH_SCORE) {
      earned.add("high-scorer");
    }
    return earned;
  }
}

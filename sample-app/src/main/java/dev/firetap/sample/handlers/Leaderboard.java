package dev.firetap.sample.handlers;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnChange;
import dev.firetap.sample.SampleKeys;

/** Ranks users by the XP of their games, in the sorted set {@link SampleKeys#LEADERBOARD}. */
public final class Leaderboard {
  private static final String ID = "leaderboard";

  private final SampleClients clients;

  /** Created by the worker, with its shared clients. */
  public Leaderboard(HandlerContext context) {
    this.clients = SampleClients.of(context);
  }

  /** Adds the game's XP to its player's score, once per game. */
  @OnChange(id = ID, collection = "games", ops = Operation.CREATE)
  public void score(ChangeEvent event) {
    Fields game = Fields.after(event);
    new RedisIncrements()
        .sortedSet(SampleKeys.LEADERBOARD, game.text("userId"), game.whole("xpEarned"))
        .applyOnce(clients.redis(), ID, event.id());
  }
}

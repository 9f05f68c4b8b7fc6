package dev.firetap.sample.games;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import dev.firetap.annotations.Logged;
import dev.firetap.sample.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Records finished games: one document {@code games/<id>} each. */
public class GameService {
  /** The collection of the games. */
  public static final String COLLECTION = "games";

  private final Firestore firestore;

  /** Creates the service on {@code firestore}. */
  public GameService(Firestore firestore) {
    this.firestore = firestore;
  }

  /**
   * Records a finished game.
   *
   * @throws IllegalArgumentException when a value is out of range
   * @throws ExecutionException when Firestore fails
   */
  @Logged(event = "games.complete", userId = "#game.userId", includeArguments = true)
  public CompletedGame complete(GameResult game) throws ExecutionException, InterruptedException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("userId", Checks.id("userId", game.userId()));
    fields.put("gameType", Checks.id("gameType", game.gameType()));
    fields.put("score", Checks.range("score", game.score(), 0, 1_000_000));
    fields.put("xpEarned", Checks.range("xpEarned", game.xpEarned(), 0, 10_000));
    fields.put("jpEarned", Checks.range("jpEarned", game.jpEarned(), 0, 10_000));
    fields.put("playedAt", FieldValue.serverTimestamp());
    DocumentReference document = firestore.collection(COLLECTION).document();
    document.create(fields).get();
    return new CompletedGame(document.getId());
  }
}

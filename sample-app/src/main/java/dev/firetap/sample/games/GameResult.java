package dev.firetap.sample.games;

/**
 * A finished game, as the client reports it.
 *
 * @param userId who played
 * @param gameType which game, such as {@code chess}
 * @param score the final score, 0 to 1,000,000
 * @param xpEarned experience points earned, 0 to 10,000
 * @param jpEarned jackpot points earned, 0 to 10,000; credited to the user's wallet
 */
public record GameResult(
    String userId, String gameType, long score, long xpEarned, long jpEarned) {}

package dev.firetap.sample.games;

/**
 * The answer to a reported game.
 *
 * @param gameId the id of the game document
 */
public record CompletedGame(String gameId) {}

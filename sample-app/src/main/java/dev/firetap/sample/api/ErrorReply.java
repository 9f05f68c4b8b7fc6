package dev.firetap.sample.api;

/**
 * What the API answers to a request that failed.
 *
 * @param status the HTTP status
 * @param error what was wrong, for the caller
 */
public record ErrorReply(int status, String error) {}

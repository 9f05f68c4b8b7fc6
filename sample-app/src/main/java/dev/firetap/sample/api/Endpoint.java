package dev.firetap.sample.api;

/** Answers the requests of one route. */
@FunctionalInterface
public interface Endpoint {
  /**
   * Answers one request.
   *
   * @return what the API writes as JSON with status 200
   * @throws Exception what {@link ApiErrors} turns into an error reply
   */
  Object answer(Request request) throws Exception;
}

package dev.firetap.sample.api;

import java.util.Map;

/**
 * One HTTP request as an endpoint sees it.
 *
 * @param pathParameters the values of the route's {@code {name}} segments
 * @param body the request body; empty when none
 */
public record Request(Map<String, String> pathParameters, byte[] body) {
  /** Copies the parameters. */
  public Request {
    pathParameters = Map.copyOf(pathParameters);
  }

  /** The value of the path segment {@code {name}}. */
  public String path(String name) {
    return pathParameters.get(name);
  }

  /**
   * The body read as a {@code type}.
   *
   * @throws IllegalArgumentException when it is not JSON of that shape
   */
  public <T> T body(Class<T> type) {
    return Json.read(body, type);
  }
}

package dev.firetap.sample.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The endpoints of the API by method and path pattern, such as {@code /orders/{id}/payment}. */
public final class Routes {
  private final List<Route> routes = new ArrayList<>();

  /** Adds a GET route. */
  public Routes get(String pattern, Endpoint endpoint) {
    return add("GET", pattern, endpoint);
  }

  /** Adds a POST route. */
  public Routes post(String pattern, Endpoint endpoint) {
    return add("POST", pattern, endpoint);
  }

  /** Adds a PUT route. */
  public Routes put(String pattern, Endpoint endpoint) {
    return add("PUT", pattern, endpoint);
  }

  private Routes add(String method, String pattern, Endpoint endpoint) {
    routes.add(new Route(method, pattern, segments(pattern), endpoint));
    return this;
  }

  /** The route that serves {@code method} and {@code path}, with its path parameters. */
  Optional<Match> find(String method, String path) {
    List<String> segments = segments(path);
    for (Route route : routes) {
      Optional<Map<String, String>> parameters = route.match(method, segments);
      if (parameters.isPresent()) {
        return Optional.of(new Match(route, parameters.get()));
      }
    }
    return Optional.empty();
  }

  private static List<String> segments(String path) {
    return List.of(path.replaceAll("^/+|/+$", "").split("/+"));
  }

  /** A route found for a request, with the values of its {@code {name}} segments. */
  record Match(Route route, Map<String, String> parameters) {}

  /** One endpoint and where it is served. */
  record Route(String method, String pattern, List<String> segments, Endpoint endpoint) {
    Optional<Map<String, String>> match(String requestMethod, List<String> path) {
      if (!method.equals(requestMethod) || path.size() != segments.size()) {
        return Optional.empty();
      }
      Map<String, String> parameters = new HashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        String segment = segments.get(i);
        if (segment.startsWith("{") && segment.endsWith("}")) {
          parameters.put(segment.substring(1, segment.length() - 1), path.get(i));
        } else if (!segment.equals(path.get(i))) {
          return Optional.empty();
        }
      }
      return Optional.of(parameters);
    }
  }
}

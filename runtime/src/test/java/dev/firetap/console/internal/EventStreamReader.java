package dev.firetap.console.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events response, event by event, on a thread of its own. */
final class EventStreamReader implements AutoCloseable {
  /** One event: its type, its id ("" if none) and its data. */
  record Event(String type, String id, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final CompletableFuture<Void> reading;

  private EventStreamReader(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reading = CompletableFuture.runAsync(this::read);
  }

  /** Sends the request and starts reading once the response headers arrived. */
  static EventStreamReader open(HttpRequest.Builder request) throws Exception {
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
    return new EventStreamReader(response);
  }

  int statusCode() {
    return response.statusCode();
  }

  private void read() {
    String type = "message";
    String id = "";
    StringBuilder data = new StringBuilder();
    for (String line : (Iterable<String>) response.body()::iterator) {
      if (line.isEmpty()) {
        if (data.length() > 0) {
          events.add(new Event(type, id, data.toString()));
        }
        type = "message";
        id = "";
        data.setLength(0);
      } else if (line.startsWith("event: ")) {
        type = line.substring("event: ".length());
      } else if (line.startsWith("id: ")) {
        id = line.substring("id: ".length());
      } else if (line.startsWith("data: ")) {
        data.append(line.substring("data: ".length()));
      }
    }
  }

  /**
   * The next event other than keep-alive comments.
   *
   * @throws AssertionError when none arrives within {@code timeout}
   */
  Event next(Duration timeout) throws InterruptedException {
    Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no server-sent event within " + timeout);
    }
    return event;
  }

  /** True when no event arrives within {@code wait}. */
  boolean staysQuiet(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  /** Closes the response, which the server notices on its next write. */
  @Override
  public void close() {
    response.body().close();
    reading.cancel(true);
  }
}

package dev.firetap.console.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.firetap.handler.HandlerAdmin;
import dev.firetap.handler.internal.HandlerKeys;
import dev.firetap.log.LogStats;
import dev.firetap.log.internal.StatsReader;
import dev.firetap.redis.KeyScan;
import dev.firetap.redis.LazyConnection;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The console's JSON endpoints, each reading Redis through the runtime's own classes. Only {@link
 * #replay} writes, and only as {@link HandlerAdmin#replay} does.
 */
final class ConsoleApi {
  /** Days of the stats chart, today included. */
  static final int CHART_DAYS = 14;

  private final LazyConnection redis;
  private final StreamKeys streams;
  private final HandlerKeys handlerKeys;
  private final HandlerAdmin admin;
  private final Clock clock;

  ConsoleApi(LazyConnection redis, StreamKeys streams, HandlerAdmin admin, Clock clock) {
    this.redis = redis;
    this.streams = streams;
    this.handlerKeys = new HandlerKeys(streams.prefix(), streams.cluster());
    this.admin = admin;
    this.clock = clock;
  }

  /** {@code {"events": [...], "complete": bool}}: the newest matching log events. */
  byte[] logs(LogQuery query) {
    LogSearch.Result result = LogSearch.search(redis.commands(), streams, query);
    return ConsoleJson.write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("events");
          for (LogSearch.Found found : result.events()) {
            ConsoleJson.log(json, found.entryId(), found.event());
          }
          json.writeEndArray();
          json.writeBooleanField("complete", result.complete());
          json.writeEndObject();
        });
  }

  /** {@code {"today": {...}, "days": [...]}}: per-level counts, the days oldest first. */
  byte[] stats() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    List<LogStats> days = new ArrayList<>();
    for (int back = CHART_DAYS - 1; back >= 0; back--) {
      days.add(StatsReader.read(redis.commands(), streams, today.minusDays(back)));
    }
    return ConsoleJson.write(
        json -> {
          json.writeStartObject();
          json.writeFieldName("today");
          ConsoleJson.stats(json, days.get(days.size() - 1));
          json.writeArrayFieldStart("days");
          for (LogStats day : days) {
            ConsoleJson.stats(json, day);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** {@code {"collections": [...]}}: the collections that have a change stream, sorted. */
  byte[] collections() {
    TreeSet<String> collections = new TreeSet<>();
    for (String stream : KeyScan.streams(redis.commands(), streams.allChangeStreams())) {
      collections.add(streams.collectionOfStream(stream));
    }
    return ConsoleJson.list("collections", collections, JsonGenerator::writeString);
  }

  /** {@code {"groups": [...]}}: every consumer group on every change and log stream. */
  byte[] handlers() {
    return ConsoleJson.list("groups", admin.lagOfAllGroups(), ConsoleJson::lag);
  }

  /**
   * {@code {"handlers": [{"handlerId", "deadLetters"}]}}: every handler with a consumer group or a
   * dead-letter stream, sorted, with its number of dead letters.
   */
  byte[] deadLetterHandlers() {
    TreeMap<String, Long> counts = new TreeMap<>();
    admin.lagOfAllGroups().forEach(lag -> counts.put(lag.handlerId(), 0L));
    RedisClusterCommands<byte[], byte[]> commands = redis.commands();
    for (String stream : KeyScan.streams(commands, handlerKeys.deadLetterPattern("*"))) {
      long length = commands.xlen(stream.getBytes(StandardCharsets.UTF_8));
      counts.merge(handlerKeys.handlerOfDeadLetters(stream), length, Long::sum);
    }
    return ConsoleJson.list(
        "handlers",
        counts.entrySet(),
        (json, handler) -> {
          json.writeStartObject();
          json.writeStringField("handlerId", handler.getKey());
          json.writeNumberField("deadLetters", handler.getValue());
          json.writeEndObject();
        });
  }

  /**
   * {@code {"deadLetters": [...]}}: the dead letters of a handler, oldest first.
   *
   * @throws IllegalArgumentException when the handler id is not valid
   */
  byte[] deadLetters(String handlerId) {
    return ConsoleJson.list("deadLetters", admin.deadLetters(handlerId), ConsoleJson::deadLetter);
  }

  /**
   * Replays the given dead letters of a handler, or all of them: {@code {"replayed": n}}.
   *
   * @throws IllegalArgumentException when the handler id is not valid
   */
  byte[] replay(String handlerId, List<String> ids, boolean all) {
    int replayed = all ? admin.replayAll(handlerId) : admin.replay(handlerId, ids);
    return ConsoleJson.write(
        json -> {
          json.writeStartObject();
          json.writeNumberField("replayed", replayed);
          json.writeEndObject();
        });
  }
}

package dev.firetap.testing;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what Firetap wrote to a test Redis: stream entries' {@code event} fields and hashes. */
public final class RedisStreams implements AutoCloseable {
  private static final int PAGE = 10_000;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private RedisStreams(String url) {
    this.client = RedisClient.create(url);
    this.connection = client.connect();
  }

  /** Connects to the Redis at {@code url}. */
  public static RedisStreams connect(String url) {
    return new RedisStreams(url);
  }

  /** The {@code event} field of every entry of {@code stream}, oldest first. */
  public List<String> events(String stream) {
    List<String> events = new ArrayList<>();
    String from = "-";
    while (true) {
      List<StreamMessage<String, String>> page =
          commands().xrange(stream, Range.create(from, "+"), Limit.from(PAGE));
      for (StreamMessage<String, String> entry : page) {
        if (!entry.getId().equals(from)) {
          events.add(entry.getBody().get("event"));
        }
      }
      if (page.size() < PAGE) {
        return events;
      }
      from = page.get(page.size() - 1).getId();
    }
  }

  /** The number of entries of {@code stream}. */
  public long length(String stream) {
    return commands().xlen(stream);
  }

  /**
   * Creates consumer group {@code group} on {@code stream} from its start and delivers it one
   * entry, which it leaves pending, as a handler that took an event and has not finished it.
   */
  @SuppressWarnings("unchecked") // Lettuce takes the stream offsets as generic varargs.
  public void takeOne(String stream, String group) {
    commands().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group);
    commands()
        .xreadgroup(
            Consumer.from(group, "w1"),
            XReadArgs.Builder.count(1),
            XReadArgs.StreamOffset.lastConsumed(stream));
  }

  /** The fields of the hash at {@code key}. */
  public Map<String, String> hash(String key) {
    return commands().hgetall(key);
  }

  /**
   * True when the handler recorded the event as completed, in any of its completion buckets ({@code
   * firetap:done:<handlerId>:<bucket>}).
   */
  public boolean completed(String handlerId, String eventId) {
    return commands().keys("firetap:done:" + handlerId + ":*").stream()
        .anyMatch(bucket -> commands().hexists(bucket, eventId));
  }

  /**
   * The latest handled commit time per document of a handler, over all its buckets ({@code
   * firetap:handled:<handlerId>:<bucket>}).
   */
  public Map<String, String> handledTimes(String handlerId) {
    Map<String, Long> latest = new HashMap<>();
    for (String bucket : commands().keys("firetap:handled:" + handlerId + ":*")) {
      for (ScoredValue<String> time : commands().zrangeWithScores(bucket, 0, -1)) {
        latest.merge(time.getValue(), (long) time.getScore(), Math::max);
      }
    }
    Map<String, String> text = new HashMap<>();
    latest.forEach((path, micros) -> text.put(path, Long.toString(micros)));
    return text;
  }

  /** Runs any command, such as {@code ACL SETUSER ...}, and returns its status reply. */
  public String execute(String command, String... arguments) {
    CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
    for (String argument : arguments) {
      args.add(argument);
    }
    return commands()
        .dispatch(CommandType.valueOf(command), new StatusOutput<>(StringCodec.UTF8), args);
  }

  /** The synchronous commands, for anything else. */
  public RedisCommands<String, String> commands() {
    return connection.sync();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}

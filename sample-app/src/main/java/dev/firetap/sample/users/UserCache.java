package dev.firetap.sample.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firetap.sample.SampleKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles cached in Redis under {@link SampleKeys#cachedUser}, read through on a miss. The app
 * never invalidates: the user-cache handler deletes a user's entry when the profile changes. A
 * Redis failure is a miss, never a failed request.
 */
public final class UserCache implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UserCache.class);
  private static final Duration TIME_TO_LIVE = Duration.ofHours(1);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private UserCache(RedisClient client) {
    this.client = client;
    this.connection = client.connect();
  }

  /** Connects to the Redis at {@code url}. */
  public static UserCache connect(String url) {
    RedisClient client = RedisClient.create(url);
    try {
      return new UserCache(client);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /** The cached profile of {@code userId}; empty on a miss. */
  Optional<UserProfile> get(String userId) {
    try {
      String json = connection.sync().get(SampleKeys.cachedUser(userId));
      return json == null
          ? Optional.empty()
          : Optional.of(MAPPER.readValue(json, UserProfile.class));
    } catch (RedisException | JsonProcessingException e) {
      log.warn("user cache: cannot read {}: {}", userId, e.toString());
      return Optional.empty();
    }
  }

  /** Caches {@code profile} for an hour. */
  void put(UserProfile profile) {
    try {
      String json = MAPPER.writeValueAsString(profile);
      SetArgs expiry = SetArgs.Builder.px(TIME_TO_LIVE.toMillis());
      connection.sync().set(SampleKeys.cachedUser(profile.userId()), json, expiry);
    } catch (RedisException | JsonProcessingException e) {
      log.warn("user cache: cannot write {}: {}", profile.userId(), e.toString());
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}

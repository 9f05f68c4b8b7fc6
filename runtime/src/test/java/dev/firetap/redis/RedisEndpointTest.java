package dev.firetap.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisEndpointTest {
  @Test
  void parsesHostPortAndDatabase() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://cache.internal:6380/2");

    assertThat(endpoint.tls()).isFalse();
    assertThat(endpoint.host()).isEqualTo("cache.internal");
    assertThat(endpoint.port()).isEqualTo(6380);
    assertThat(endpoint.database()).isEqualTo(2);
    assertThat(endpoint.username()).isEmpty();
    assertThat(endpoint.password()).isEmpty();
  }

  @Test
  void defaultsToPort6379AndDatabase0() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://localhost");

    assertThat(endpoint.port()).isEqualTo(6379);
    assertThat(endpoint.database()).isZero();
    assertThat(endpoint.redacted()).isEqualTo("redis://localhost:6379/0");
  }

  @Test
  void redissSchemeMeansTls() {
    RedisEndpoint endpoint = RedisEndpoint.parse("rediss://cache.internal:6380/2");

    assertThat(endpoint.tls()).isTrue();
    assertThat(endpoint.redacted()).isEqualTo("rediss://cache.internal:6380/2");
  }

  @Test
  void parsesBracketedIpv6Hosts() {
    RedisEndpoint withPort = RedisEndpoint.parse("redis://[::1]:6380/3");
    RedisEndpoint withoutPort = RedisEndpoint.parse("redis://[2001:db8::7]");

    assertThat(withPort.host()).isEqualTo("::1");
    assertThat(withPort.port()).isEqualTo(6380);
    assertThat(withPort.redacted()).isEqualTo("redis://[::1]:6380/3");
    assertThat(withoutPort.host()).isEqualTo("2001:db8::7");
    assertThat(withoutPort.port()).isEqualTo(6379);
  }

  @Test
  void percentDecodesUserAndPassword() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://app%40team:p%3Ass%2Fw+rd@h:7000");

    assertThat(endpoint.username()).contains("app@team");
    assertThat(endpoint.password()).contains("p:ss/w+rd");
  }

  @Test
  void acceptsPasswordWithoutUser() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://:s3cret@h");

    assertThat(endpoint.username()).isEmpty();
    assertThat(endpoint.password()).contains("s3cret");
  }

  @Test
  void takesTheLastAtSignAsTheEndOfTheCredentials() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://user:p@ss@h:7000");

    assertThat(endpoint.password()).contains("p@ss");
    assertThat(endpoint.host()).isEqualTo("h");
  }

  @Test
  void neverShowsCredentialsInTextForm() {
    RedisEndpoint endpoint = RedisEndpoint.parse("rediss://admin:s3cret@cache.internal:6380/2");

    assertThat(endpoint.redacted()).isEqualTo("rediss://cache.internal:6380/2");
    assertThat(endpoint.toString()).isEqualTo("rediss://cache.internal:6380/2");
    assertThat(endpoint.toString()).doesNotContain("s3cret").doesNotContain("admin");
  }

  @Test
  void buildsLettuceUriWithCredentialsTlsAndTimeout() {
    RedisEndpoint endpoint = RedisEndpoint.parse("rediss://admin:s3cret@cache.internal:6380/2");

    RedisURI uri = endpoint.toRedisUri(Duration.ofSeconds(3));

    assertThat(uri.getHost()).isEqualTo("cache.internal");
    assertThat(uri.getPort()).isEqualTo(6380);
    assertThat(uri.getDatabase()).isEqualTo(2);
    assertThat(uri.isSsl()).isTrue();
    assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(3));
    RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
    assertThat(credentials.getUsername()).isEqualTo("admin");
    assertThat(credentials.getPassword()).isEqualTo("s3cret".toCharArray());
  }

  @Test
  void buildsLettuceUriWithPasswordOnly() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://:s3cret@127.0.0.1:6380");

    RedisURI uri = endpoint.toRedisUri(Duration.ofSeconds(1));

    RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
    assertThat(credentials.hasUsername()).isFalse();
    assertThat(credentials.getPassword()).isEqualTo("s3cret".toCharArray());
    assertThat(uri.isSsl()).isFalse();
  }

  @Test
  void equalEndpointsAreEqual() {
    RedisEndpoint first = RedisEndpoint.parse("redis://u:p@h:1/1");
    RedisEndpoint second = RedisEndpoint.parse("redis://u:p@h:1/1");

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first).isNotEqualTo(RedisEndpoint.parse("redis://u:other@h:1/1"));
  }

  @Test
  void parsesClusterUrlWithEveryNodeGiven() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis-cluster://:pw@10.0.0.1:7000,[::1]:7001");

    List<RedisURI> uris = endpoint.toRedisUris(Duration.ofSeconds(1));

    assertThat(endpoint.cluster()).isTrue();
    assertThat(endpoint.redacted()).isEqualTo("redis-cluster://10.0.0.1:7000,[::1]:7001");
    assertThat(uris).extracting(RedisURI::getHost).containsExactly("10.0.0.1", "::1");
    assertThat(uris).extracting(RedisURI::getPort).containsExactly(7000, 7001);
    assertThat(uris).allSatisfy(uri -> assertThat(uri.isSsl()).isFalse());
  }

  @Test
  void parsesTlsClusterUrl() {
    RedisEndpoint endpoint = RedisEndpoint.parse("rediss-cluster://cache.internal");

    assertThat(endpoint.cluster()).isTrue();
    assertThat(endpoint.tls()).isTrue();
    assertThat(endpoint.redacted()).isEqualTo("rediss-cluster://cache.internal:6379");
    assertThat(endpoint.toRedisUris(Duration.ofSeconds(1)).get(0).isSsl()).isTrue();
  }

  @Test
  void singleServerUrlIsNoCluster() {
    assertThat(RedisEndpoint.parse("redis://h:1").cluster()).isFalse();
    assertThat(RedisEndpoint.parse("redis-cluster://h:1"))
        .isNotEqualTo(RedisEndpoint.parse("redis://h:1"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://x:6379 | be redis://, rediss://, redis-cluster:// or rediss-cluster://,"
            + " got 'http://x:6379'",
        "'' | be redis://, rediss://, redis-cluster:// or rediss-cluster://, got ''",
        "cache.internal:6379 | be redis://, rediss://, redis-cluster:// or rediss-cluster://,"
            + " got 'cache.internal:6379'",
        "redis-cluster://h:1/0 | name no database in a cluster URL (a cluster has database 0"
            + " only), got 'redis-cluster://h:1/0'",
        "redis-cluster://h:1,,g:2 | name a host, as in redis://127.0.0.1:6379,"
            + " got 'redis-cluster://h:1,,g:2'",
        "redis:// | name a host, as in redis://127.0.0.1:6379, got 'redis://'",
        "redis://:6379 | name a host, as in redis://127.0.0.1:6379, got 'redis://:6379'",
        "redis://h st | name a host of letters, digits, '.', '-' and '_' (or an [IPv6]),"
            + " got 'redis://h st'",
        "redis://h:0 | have a port from 1 to 65535, got 'redis://h:0'",
        "redis://h:65536 | have a port from 1 to 65535, got 'redis://h:65536'",
        "redis://h: | have a port from 1 to 65535, got 'redis://h:'",
        "redis://h:http | have a port from 1 to 65535, got 'redis://h:http'",
        "redis://h/16 | have a database from 0 to 15 after the host, as in /2, got 'redis://h/16'",
        "redis://h/x | have a database from 0 to 15 after the host, as in /2, got 'redis://h/x'",
        "redis://h/1/2 | have a database from 0 to 15 after the host, as in /2,"
            + " got 'redis://h/1/2'",
        "redis://::1:6379 | name a host, as in redis://127.0.0.1:6379, got 'redis://::1:6379'",
        "redis://[::1 | write an IPv6 host in brackets, as in redis://[::1]:6379,"
            + " got 'redis://[::1'",
        "redis://[::1]6379 | write an IPv6 host in brackets, as in redis://[::1]:6379,"
            + " got 'redis://[::1]6379'",
        "redis://h?timeout=1 | have no query (?) or fragment (#), got 'redis://h?timeout=1'",
      })
  void rejectsMalformedUrlsNamingTheSetting(String url, String problem) {
    assertThatThrownBy(() -> RedisEndpoint.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firetap.redis.url must " + problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "redis://s3cret@h:6379 | give credentials as user:password@ or :password@,"
            + " got 'redis://***@h:6379'",
        "redis://admin:@h | give credentials as user:password@ or :password@,"
            + " got 'redis://***@h'",
        "redis://admin:s3cret%zz@h | percent-encode the user and password correctly (%XX),"
            + " got 'redis://***@h'",
        "redis://admin:s3cret@h:99999 | have a port from 1 to 65535, got 'redis://***@h:99999'",
        "redis://admin:s3cret@:6379 | name a host, as in redis://127.0.0.1:6379,"
            + " got 'redis://***@:6379'",
      })
  void rejectsMalformedUrlsWithoutShowingTheCredentials(String url, String problem) {
    assertThatThrownBy(() -> RedisEndpoint.parse(url))
        .hasMessage("firetap.redis.url must " + problem)
        .message()
        .doesNotContain("s3cret")
        .doesNotContain("admin");
  }
}

package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventCodecDecodingTest {
  private static final String MISSING = "<missing>";

  @Test
  void decodesAValidChangeEvent() {
    ChangeEvent event = EventCodec.decodeChange(change(Map.of()));

    assertThat(event.op()).isEqualTo(Operation.UPDATE);
    assertThat(event.tx()).isEqualTo(new Transaction("t-1", 2, 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "op | \"upsert\" | change event field 'op' must be one of create, update, delete,"
            + " got 'upsert'",
        "op | <missing> | change event field 'op' is missing",
        "id | 5 | change event field 'id' must be a string, got 5",
        "id | null | change event field 'id' must be a string, got null",
        "before | [] | change event field 'before' must be an object, got an array",
        "after | <missing> | change event field 'after' is missing",
        "changedFields | [1] | change event field 'changedFields' must be an array of strings,"
            + " got an array",
        "changedFields | \"a\" | change event field 'changedFields' must be an array of strings,"
            + " got 'a'",
        "commitTime | \"yesterday\" | change event field 'commitTime' must be an RFC 3339 timestamp"
            + " such as 2026-12-03T12:00:00.123456Z, got 'yesterday'",
        "commitTime | 1700000000 | change event field 'commitTime' must be a string,"
            + " got 1700000000",
        "tx | \"t\" | change event field 'tx' must be an object, got 't'",
        "tx | {\"id\":\"t\",\"size\":1.5,\"index\":0} | change event field 'tx.size' must be a"
            + " 32-bit integer, got 1.5",
        "tx | {\"id\":\"t\",\"size\":99999999999,\"index\":0} | change event field 'tx.size' must"
            + " be a 32-bit integer, got 99999999999",
        "tx | {\"size\":1,\"index\":0} | change event field 'tx.id' is missing",
        "tx | {\"id\":\"t\",\"size\":1,\"index\":1} | change event is invalid: tx.index must be"
            + " between 0 and tx.size - 1 = 0, got 1",
        "source | {\"service\":\"s\",\"host\":\"h\"} | change event field 'source.version' is"
            + " missing",
        "userId | true | change event field 'userId' must be a string, got true",
        "userId | <missing> | change event field 'userId' is missing",
        "documentId | \"o8\" | change event is invalid: documentId must be the last segment of"
            + " path 'users/u1/orders/o9', got 'o8'",
        "path | \"users/u1/orders\" | change event is invalid: path must be a document path",
        "op | \"create\" | change event is invalid: a change event with op 'create' must have"
            + " before null and after non-null"
      })
  void rejectsAMalformedChangeFieldNamingItAndTheValue(String field, String raw, String message) {
    byte[] json = change(Map.of(field, raw));

    assertThatThrownBy(() -> EventCodec.decodeChange(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "level | \"fatal\" | log event field 'level' must be one of debug, info, warn, error,"
            + " got 'fatal'",
        "level | \"INFO\" | log event field 'level' must be one of debug, info, warn, error,"
            + " got 'INFO'",
        "timestamp | <missing> | log event field 'timestamp' is missing",
        "data | null | log event field 'data' must be an object, got null",
        "userId | <missing> | log event field 'userId' is missing",
        "durationMs | \"5\" | log event field 'durationMs' must be an integer of at most 64 bits,"
            + " got '5'",
        "durationMs | 1e3 | log event field 'durationMs' must be an integer of at most 64 bits,"
            + " got 1000.0",
        "error | {\"type\":\"X\"} | log event field 'error.stack' is missing",
        "source | {\"class\":\"C\",\"method\":7} | log event field 'source.method' must be a"
            + " string, got 7",
        "event | \"\" | log event is invalid: event must be a non-blank name, got ''",
        "host | {} | log event field 'host' must be a string, got an object"
      })
  void rejectsAMalformedLogFieldNamingItAndTheValue(String field, String raw, String message) {
    byte[] json = log(Map.of(field, raw));

    assertThatThrownBy(() -> EventCodec.decodeLog(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void treatsNullOptionalLogFieldsAsAbsent() {
    byte[] json = log(Map.of("message", "null", "error", "null", "durationMs", "null"));

    LogEvent event = EventCodec.decodeLog(json);

    assertThat(event.message()).isNull();
    assertThat(event.error()).isNull();
    assertThat(event.durationMs()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"id\":\"abc\",\"op\"} | change event is not valid JSON at line 1 column 17: ",
        "`{\"id\":\"a\",\n\"op\":create}` | change event is not valid JSON at line 2 column 6: ",
        "{\"id\":\"a\",\"id\":\"b\"} | change event is not valid JSON at line 1 column 11:"
            + " Duplicate field 'id'",
        "`` | change event must be a JSON object, got no content",
        "[1] | change event must be a JSON object, got an array",
        "\"text\" | change event must be a JSON object, got the value text",
        "{} {} | change event must be one JSON object, got more content at line 1 column 4",
        "{} x | change event is not valid JSON at line 1 column 4: "
      })
  void rejectsTextThatIsNotOneJsonObjectSayingWhere(String text, String message) {
    byte[] json = text.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventCodec.decodeChange(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] json = {'{', '"', (byte) 0xC3, '"', ':', '1', '}'};

    assertThatThrownBy(() -> EventCodec.decodeLog(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("log event is not valid JSON at line 1 column 5: Invalid UTF-8");
  }

  @Test
  void rejectsNestingBeyondTheLimitInsideDocumentFields() {
    String deep = "{\"a\":".repeat(65) + "1" + "}".repeat(65);
    byte[] json = change(Map.of("after", deep));

    assertThatThrownBy(() -> EventCodec.decodeChange(json))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("change event is invalid: after.a.a.a")
        .hasMessageContaining("limit of 64");
  }

  @Test
  void rejectsAbsurdNestingWithoutExhaustingTheStack() {
    byte[] json = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
    byte[] insideAnObject = ("{\"data\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventCodec.decodeLog(json)).isInstanceOf(EventFormatException.class);
    assertThatThrownBy(() -> EventCodec.decodeLog(insideAnObject))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void decodesIntegersAsLongOrBigIntegerAndFractionsAsDouble() {
    String after = "{\"small\":7,\"big\":123456789012345678901234,\"fraction\":0.5,\"e\":1e2}";

    ChangeEvent event = EventCodec.decodeChange(change(Map.of("after", after)));

    assertThat(event.after())
        .containsEntry("small", 7L)
        .containsEntry("big", new BigInteger("123456789012345678901234"))
        .containsEntry("fraction", 0.5)
        .containsEntry("e", 100.0);
  }

  @Test
  void throwsOnlyEventFormatExceptionOnMutatedInput() {
    List<byte[]> seeds = List.of(change(Map.of()), log(Map.of()), log(Map.of("error", ERROR)));
    Random random = new Random(20261203L);
    List<String> unexpected = new ArrayList<>();

    for (int round = 0; round < 20_000; round++) {
      byte[] mutated = JsonMutations.mutate(seeds.get(round % seeds.size()), random, SYNTAX);
      decodeBoth(mutated, unexpected);
    }

    assertThat(unexpected).isEmpty();
  }

  /** Bytes a mutation puts in, most of them meaningful in JSON. */
  private static final String SYNTAX = "{}[]\":,0-.eE\\ ntf";

  private static final String ERROR = "{\"type\":\"X\",\"message\":null,\"stack\":\"s\"}";

  private static void decodeBoth(byte[] json, List<String> unexpected) {
    for (int kind = 0; kind < 2; kind++) {
      try {
        Object decoded = kind == 0 ? EventCodec.decodeChange(json) : EventCodec.decodeLog(json);
        assertThat(decoded).isNotNull();
      } catch (EventFormatException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException | StackOverflowError e) {
        unexpected.add(e + " for " + new String(json, StandardCharsets.UTF_8));
      }
    }
  }

  private static byte[] change(Map<String, String> overrides) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", "\"c-1\"");
    fields.put("op", "\"update\"");
    fields.put("collection", "\"orders\"");
    fields.put("documentId", "\"o9\"");
    fields.put("path", "\"users/u1/orders/o9\"");
    fields.put("before", "{\"status\":\"new\"}");
    fields.put("after", "{\"status\":\"paid\"}");
    fields.put("changedFields", "[\"status\"]");
    fields.put("commitTime", "\"2026-12-03T12:00:00.123456Z\"");
    fields.put("tx", "{\"id\":\"t-1\",\"size\":2,\"index\":1}");
    fields.put("source", "{\"service\":\"orders-api\",\"host\":\"web-1\",\"version\":\"1.4.2\"}");
    fields.put("userId", "\"u1\"");
    return object(fields, overrides);
  }

  private static byte[] log(Map<String, String> overrides) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", "\"l-1\"");
    fields.put("timestamp", "\"2026-12-03T12:00:00.000000Z\"");
    fields.put("level", "\"info\"");
    fields.put("event", "\"order.placed\"");
    fields.put("userId", "null");
    fields.put("data", "{\"orderId\":\"o9\",\"items\":[1,2.5,true,null]}");
    fields.put("service", "\"orders-api\"");
    fields.put("host", "\"web-1\"");
    fields.put("durationMs", "12");
    return object(fields, overrides);
  }

  private static byte[] object(Map<String, String> fields, Map<String, String> overrides) {
    fields.putAll(overrides);
    StringJoiner json = new StringJoiner(",", "{", "}");
    fields.forEach(
        (name, raw) -> {
          if (!raw.equals(MISSING)) {
            json.add("\"" + name + "\":" + raw);
          }
        });
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}

package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiJsonParserTest {
  private static final String VALUES =
      "{\"id\":\"c-1\",\"n\":[1,-2,0,-0,12.5,-0.25,1e3,2E-2,0.5e+1,123456789012345678,"
          + "-123456789012345678,true,false,null,[],{}],\"nested\":{\"a\":{\"b\":[{\"c\":\"d\"}]}},"
          + " \"spaced\" :\t[ 1 ,\r\n 2 ] , \"text\":\"a/b c~{}[]:,\" }";

  /** Bytes a mutation puts in, most of them meaningful in JSON. */
  private static final String SYNTAX = "{}[]\":,0123-.eE+ ntfl\\a";

  @Test
  void readsEncodedEventsAsJacksonDoes() {
    List<byte[]> events = seeds();

    for (byte[] event : events) {
      Map<String, Object> ascii = AsciiJsonParser.parse(event);

      assertThat(ascii).isNotNull().isEqualTo(EventCodec.parseWithJackson(event, "event"));
    }
  }

  @Test
  void returnsWhatJacksonReturnsForEveryMutationItTakes() {
    List<byte[]> seeds = seeds();
    Random random = new Random(20261204L);
    List<String> different = new ArrayList<>();
    int taken = 0;

    for (int round = 0; round < 30_000; round++) {
      byte[] mutated = JsonMutations.mutate(seeds.get(round % seeds.size()), random, SYNTAX);
      Map<String, Object> ascii = AsciiJsonParser.parse(mutated);
      if (ascii != null) {
        taken++;
        compare(mutated, ascii, different);
      }
    }

    assertThat(different).isEmpty();
    assertThat(taken).isGreaterThan(3_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":\"é\"}",
        "{\"é\":1}",
        "{\"a\":\"line\\nbreak\"}",
        "{\"a\\u0062\":1}",
        "{\"a\":1,\"a\":2}",
        "{\"a\":1234567890123456789}",
        "{\"a\":01}",
        "{\"a\":-}",
        "{\"a\":1.}",
        "{\"a\":1e}",
        "{\"a\":1e999}",
        "{\"a\":+1}",
        "{\"a\":NaN}",
        "{\"a\":tru}",
        "{\"a\":[1,]}",
        "{\"a\":1,}",
        "{\"a\":1} x",
        "{\"a\":1}{}",
        "\uFEFF{\"a\":1}",
        "[1]",
        "",
        "{\"a\":\"tab\there\"}"
      })
  void leavesEverythingElseToJackson(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    assertThat(AsciiJsonParser.parse(bytes)).isNull();
  }

  @Test
  void leavesNestingBeyondTheValueLimitToJackson() {
    String deepest = "{\"a\":".repeat(64) + "1" + "}".repeat(64);
    String deeper = "{\"a\":".repeat(65) + "1" + "}".repeat(65);

    assertThat(AsciiJsonParser.parse(deepest.getBytes(StandardCharsets.US_ASCII))).isNotNull();
    assertThat(AsciiJsonParser.parse(deeper.getBytes(StandardCharsets.US_ASCII))).isNull();
  }

  private static void compare(byte[] json, Map<String, Object> ascii, List<String> different) {
    String text = new String(json, StandardCharsets.UTF_8);
    try {
      Map<String, Object> jackson = EventCodec.parseWithJackson(json, "event");
      if (!jackson.equals(ascii)) {
        different.add(text + " gave " + ascii + ", Jackson " + jackson);
      }
    } catch (EventFormatException e) {
      different.add(text + " gave " + ascii + ", Jackson rejects it: " + e.getMessage());
    }
  }

  private static List<byte[]> seeds() {
    return List.of(
        EventCodec.encode(EventExamples.update()),
        EventCodec.encode(EventExamples.create()),
        EventCodec.toPrettyJson(EventExamples.delete()).getBytes(StandardCharsets.UTF_8),
        VALUES.getBytes(StandardCharsets.US_ASCII));
  }
}

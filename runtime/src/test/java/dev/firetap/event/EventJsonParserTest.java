package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonParserTest {
  private static final String VALUES =
      "{\"id\":\"c-1\",\"n\":[1,-2,0,-0,12.5,-0.25,1e3,2E-2,0.5e+1,123456789012345678,"
          + "-123456789012345678,true,false,null,[],{}],\"nested\":{\"a\":{\"b\":[{\"c\":\"d\"}]}},"
          + " \"spaced\" :\t[ 1 ,\r\n 2 ] , \"text\":\"a/b c~{}[]:,\" }";

  /** Escapes and UTF-8 of one to four bytes, in names and values. */
  private static final String TEXT =
      "{\"Zürich\":\"Jérôme €5 \uD83D\uDE00 \u0080 \u07FF \u0800 \uFFFF \uE000 \uDBFF\uDFFF\","
          + "\"esc\\u0061ped\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\\ud83d\\ude00\"}";

  /** Bytes a mutation puts in, most of them meaningful in JSON. */
  private static final String SYNTAX = "{}[]\":,0123-.eE+ ntfl\\a";

  @Test
  void readsEncodedEventsAsJacksonDoes() {
    List<byte[]> events = seeds();

    for (byte[] event : events) {
      Map<String, Object> parsed = EventJsonParser.parse(event);

      assertThat(parsed).isNotNull().isEqualTo(EventCodec.parseWithJackson(event, "event"));
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
      Map<String, Object> parsed = EventJsonParser.parse(mutated);
      if (parsed != null) {
        taken++;
        compare(mutated, parsed, different);
      }
    }

    assertThat(different).isEmpty();
    assertThat(taken).isGreaterThan(3_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12G4\"}",
        "{\"a\":\"\\u12\"}",
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

    assertThat(EventJsonParser.parse(bytes)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"c3", "e282", "eda080", "c080", "f4908080", "f888808080", "80"})
  void leavesUtf8TheJdkRefusesToJackson(String hex) {
    byte[] bytes = ("{\"a\":\"x" + hex + "\"}").getBytes(StandardCharsets.US_ASCII);
    byte[] invalid = HexFormat.of().parseHex(hex);
    byte[] json = new byte[bytes.length - hex.length() + invalid.length];
    System.arraycopy(bytes, 0, json, 0, 7);
    System.arraycopy(invalid, 0, json, 7, invalid.length);
    System.arraycopy(bytes, 7 + hex.length(), json, 7 + invalid.length, 2);

    assertThat(EventJsonParser.parse(json)).isNull();
  }

  @Test
  void leavesNestingBeyondTheValueLimitToJackson() {
    String deepest = "{\"a\":".repeat(64) + "1" + "}".repeat(64);
    String deeper = "{\"a\":".repeat(65) + "1" + "}".repeat(65);

    assertThat(EventJsonParser.parse(deepest.getBytes(StandardCharsets.US_ASCII))).isNotNull();
    assertThat(EventJsonParser.parse(deeper.getBytes(StandardCharsets.US_ASCII))).isNull();
  }

  private static void compare(byte[] json, Map<String, Object> parsed, List<String> different) {
    String text = new String(json, StandardCharsets.UTF_8);
    try {
      Map<String, Object> jackson = EventCodec.parseWithJackson(json, "event");
      if (!jackson.equals(parsed)) {
        different.add(text + " gave " + parsed + ", Jackson " + jackson);
      }
    } catch (EventFormatException e) {
      different.add(text + " gave " + parsed + ", Jackson rejects it: " + e.getMessage());
    }
  }

  private static List<byte[]> seeds() {
    return List.of(
        EventCodec.encode(EventExamples.update()),
        EventCodec.encode(EventExamples.create()),
        EventCodec.toPrettyJson(EventExamples.delete()).getBytes(StandardCharsets.UTF_8),
        VALUES.getBytes(StandardCharsets.US_ASCII),
        TEXT.getBytes(StandardCharsets.UTF_8));
  }
}

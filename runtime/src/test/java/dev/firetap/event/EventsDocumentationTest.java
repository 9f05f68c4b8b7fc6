package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps the examples in {@code docs/events.md} identical to what the codec writes. */
class EventsDocumentationTest {
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\n(.*?)\n```", Pattern.DOTALL);

  @ParameterizedTest
  @MethodSource("jsonBlocks")
  void everyExampleDecodesAndReEncodesToTheSameJson(String block) {
    byte[] bytes = block.getBytes(StandardCharsets.UTF_8);

    String reEncoded =
        isChangeEvent(block)
            ? EventCodec.toPrettyJson(EventCodec.decodeChange(bytes))
            : EventCodec.toPrettyJson(EventCodec.decodeLog(bytes));

    assertThat(reEncoded).isEqualTo(block);
  }

  @Test
  void showsEveryKindOfEvent() throws IOException {
    List<String> blocks = jsonBlocks();

    List<ChangeEvent> changes = new ArrayList<>();
    List<LogEvent> logs = new ArrayList<>();
    for (String block : blocks) {
      byte[] bytes = block.getBytes(StandardCharsets.UTF_8);
      if (isChangeEvent(block)) {
        changes.add(EventCodec.decodeChange(bytes));
      } else {
        logs.add(EventCodec.decodeLog(bytes));
      }
    }

    assertThat(changes).extracting(ChangeEvent::op).contains(Operation.values());
    List<String> sharedTxIds =
        changes.stream().filter(change -> change.tx().size() == 2).map(c -> c.tx().id()).toList();
    assertThat(sharedTxIds).hasSize(2).containsOnly(sharedTxIds.get(0));
    assertThat(changes).filteredOn(change -> change.op() == Operation.UPDATE).isNotEmpty();
    assertThat(logs).extracting(LogEvent::level).contains(Level.INFO, Level.ERROR);
    assertThat(logs).filteredOn(log -> log.error() != null).isNotEmpty();
  }

  @Test
  void examplesAreTheOnesEventExamplesBuilds() throws IOException {
    List<String> expected = new ArrayList<>();
    expected.add(EventCodec.toPrettyJson(EventExamples.create()));
    expected.add(EventCodec.toPrettyJson(EventExamples.update()));
    expected.add(EventCodec.toPrettyJson(EventExamples.delete()));
    EventExamples.transaction().forEach(change -> expected.add(EventCodec.toPrettyJson(change)));
    expected.add(EventCodec.toPrettyJson(EventExamples.info()));
    expected.add(EventCodec.toPrettyJson(EventExamples.error()));

    List<String> blocks = jsonBlocks();

    assertThat(blocks).containsExactlyElementsOf(expected);
  }

  static List<String> jsonBlocks() throws IOException {
    String root = System.getProperty("firetap.projectRoot", "..");
    String markdown = Files.readString(Path.of(root, "docs", "events.md"), StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher matcher = JSON_BLOCK.matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  private static boolean isChangeEvent(String block) {
    return block.contains("\n  \"op\": ");
  }
}

package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.event.EventHeaders.ChangeHeader;
import dev.firetap.event.EventHeaders.LogHeader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventHeadersTest {
  @Test
  void readsTheRoutingFieldsOfEveryChangeOperation() {
    for (ChangeEvent event :
        new ChangeEvent[] {
          EventExamples.create(), EventExamples.update(), EventExamples.delete()
        }) {
      ChangeHeader header = EventHeaders.change(EventCodec.encode(event));

      assertThat(header)
          .isEqualTo(new ChangeHeader(event.id(), event.op(), event.path(), event.commitTime()));
    }
  }

  @Test
  void readsTheRoutingFieldsOfALogEvent() {
    LogEvent event = EventExamples.error();

    LogHeader header = EventHeaders.log(EventCodec.encode(event));

    assertThat(header).isEqualTo(new LogHeader(event.id(), event.event()));
  }

  @Test
  void findsTheFieldsInAnyOrderAndSkipsNestedOnes() {
    String json =
        "{\"before\":{\"id\":\"nested\",\"op\":[1,{\"path\":2}]},\"commitTime\":"
            + "\"2026-12-03T12:00:00.000001Z\",\"path\":\"orders/o1\",\"op\":\"update\","
            + "\"id\":\"e1\",\"after\":null}";

    ChangeHeader header = EventHeaders.change(bytes(json));

    assertThat(header.id()).isEqualTo("e1");
    assertThat(header.path()).isEqualTo("orders/o1");
    assertThat(header.op()).isEqualTo(Operation.UPDATE);
    assertThat(header.commitTime().getNano()).isEqualTo(1000);
  }

  @Test
  void namesTheMissingOrInvalidField() {
    assertThatThrownBy(
            () ->
                EventHeaders.change(
                    bytes(
                        "{\"id\":\"e1\",\"op\":\"update\","
                            + "\"commitTime\":\"2026-12-03T12:00:00Z\"}")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'path' is missing");
    assertThatThrownBy(
            () ->
                EventHeaders.change(
                    bytes(
                        "{\"id\":\"e1\",\"op\":\"upsert\",\"path\":\"a/b\","
                            + "\"commitTime\":\"2026-12-03T12:00:00Z\"}")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'op' must be one of create, update, delete, got 'upsert'");
    assertThatThrownBy(() -> EventHeaders.log(bytes("{\"id\":7,\"event\":\"x\"}")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("'id' must be a string");
  }

  @Test
  void rejectsWhatIsNotAJsonObject() {
    assertThatThrownBy(() -> EventHeaders.log(bytes("[1]")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> EventHeaders.log(bytes("{not json")))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("not valid JSON");
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}

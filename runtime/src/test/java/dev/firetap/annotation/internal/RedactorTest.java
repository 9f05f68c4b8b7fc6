package dev.firetap.annotation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.GeoPoint;
import dev.firetap.annotations.Sensitive;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.JsonValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = new Redactor(FiretapConfig.defaults().redactFields());

  record Card(String holder, String cardNumber, @Sensitive String pin) {}

  record Customer(String id, Card card, List<String> tags) {}

  static final class Login {
    private final String user;
    @Sensitive private final String otp;

    Login(String user, String otp) {
      this.user = user;
      this.otp = otp;
    }

    public String getUser() {
      return user;
    }

    public String getOtp() {
      return otp;
    }

    public String getBroken() {
      throw new IllegalStateException("not loaded");
    }
  }

  static final class Node {
    public final String name;
    public Node next;

    Node(String name) {
      this.name = name;
    }
  }

  static final class Opaque {
    @Override
    public String toString() {
      return "opaque!";
    }
  }

  @Test
  void masksKeysNamedLikeSecretsInAnyCaseAtAnyDepth() {
    Map<String, Object> value =
        Map.of(
            "user", "ada",
            "Password", "hunter2",
            "nested", Map.of("list", List.of(Map.of("APIKEY", "k", "keep", 1))));

    Object redacted = redactor.redact(value);

    assertThat(redacted)
        .isEqualTo(
            Map.of(
                "user", "ada",
                "Password", "***",
                "nested", Map.of("list", List.of(Map.of("APIKEY", "***", "keep", 1)))));
  }

  @Test
  void convertsRecordsFieldByFieldMaskingSensitiveAndSecretNamedComponents() {
    Customer customer = new Customer("c1", new Card("Ada", "4111", "1234"), List.of("vip"));

    Object redacted = redactor.redact(customer);

    assertThat(redacted)
        .isEqualTo(
            Map.of(
                "id", "c1",
                "card", Map.of("holder", "Ada", "cardNumber", "***", "pin", "***"),
                "tags", List.of("vip")));
  }

  @Test
  void convertsBeansThroughGettersMaskingSensitiveFieldsAndReportingGettersThatThrow() {
    Object redacted = redactor.redact(new Login("ada", "999111"));

    assertThat(redacted)
        .isEqualTo(Map.of("user", "ada", "otp", "***", "broken", "<error: IllegalStateException>"));
  }

  @Test
  void keepsTheOrderOfRecordComponents() {
    Object redacted = redactor.redact(new Card("Ada", "4111", "1234"));

    assertThat(List.<Object>copyOf(((Map<?, ?>) redacted).keySet()))
        .containsExactly("holder", "cardNumber", "pin");
  }

  @Test
  void anObjectInsideItselfBecomesCycle() {
    Node first = new Node("first");
    Node second = new Node("second");
    first.next = second;
    second.next = first;

    Object redacted = redactor.redact(first);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "first");
    expected.put("next", Map.of("name", "second", "next", Redactor.CYCLE));
    assertThat(redacted).isEqualTo(expected);
  }

  @Test
  void aMapContainingItselfBecomesCycleAndASharedValueIsWrittenTwice() {
    Map<String, Object> map = new HashMap<>();
    List<String> shared = List.of("x");
    map.put("self", map);
    map.put("a", shared);
    map.put("b", shared);

    Object redacted = redactor.redact(map);

    assertThat(redacted)
        .isEqualTo(Map.of("self", Redactor.CYCLE, "a", List.of("x"), "b", List.of("x")));
  }

  @Test
  void nestingDeeperThanTheLimitBecomesTooDeep() {
    List<Object> outer = new ArrayList<>();
    List<Object> current = outer;
    for (int i = 0; i < 20; i++) {
      List<Object> inner = new ArrayList<>();
      current.add(inner);
      current = inner;
    }

    Object redacted = redactor.redact(outer);

    Object level = redacted;
    for (int i = 0; i < Redactor.MAX_DEPTH; i++) {
      level = ((List<?>) level).get(0);
    }
    assertThat(level).isEqualTo(Redactor.TOO_DEEP);
  }

  @Test
  void keepsFirestoreValuesForTheEventCodecAndWritesOtherLibraryObjectsAsText() {
    Timestamp created = Timestamp.ofTimeSecondsAndNanos(1_700_000_000L, 0);
    GeoPoint where = new GeoPoint(52.5, 13.4);
    UUID id = UUID.fromString("0b9d8c3e-64a1-4f0e-9c47-6d2b2f8e5a11");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("created", created);
    document.put("where", where);
    document.put("id", id);
    document.put("owner", new Opaque());
    document.put("note", Optional.of("hi"));
    document.put("token", "t-1");

    Object redacted = redactor.redact(document);

    Map<String, Object> json = JsonValues.normalizeMap((Map<?, ?>) redacted);
    assertThat(json)
        .containsEntry("created", "2023-11-14T22:13:20.000000Z")
        .containsEntry("where", Map.of("latitude", 52.5, "longitude", 13.4))
        .containsEntry("id", id.toString())
        .containsEntry("owner", "opaque!")
        .containsEntry("note", "hi")
        .containsEntry("token", "***");
    assertThat(Instant.parse((String) json.get("created"))).isEqualTo(created.toDate().toInstant());
  }

  @Test
  void anEmptyListOfNamesMasksOnlySensitiveMembers() {
    Redactor none = new Redactor(List.of());

    Object redacted = none.redact(new Card("Ada", "4111", "1234"));

    assertThat(redacted).isEqualTo(Map.of("holder", "Ada", "cardNumber", "4111", "pin", "***"));
  }
}

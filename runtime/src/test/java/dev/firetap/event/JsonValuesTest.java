package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.GeoPoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  private static final Instant INSTANT = Instant.parse("2026-12-03T12:00:00.123456789Z");

  @Test
  void keepsJsonScalarsAsTheyAre() {
    BigInteger big = new BigInteger("123456789012345678901234567890");
    BigDecimal decimal = new BigDecimal("1.10");

    List<Object> normalized =
        Arrays.asList(
            JsonValues.normalize(null),
            JsonValues.normalize("text"),
            JsonValues.normalize(true),
            JsonValues.normalize(7L),
            JsonValues.normalize(2.5),
            JsonValues.normalize(big),
            JsonValues.normalize(decimal));

    assertThat(normalized).containsExactly(null, "text", true, 7L, 2.5, big, decimal);
  }

  @Test
  void widensWholeNumbersToLong() {
    List<Object> numbers =
        List.of((byte) 1, (short) 2, 3, 4L, new AtomicInteger(5), new AtomicLong(6));

    List<Object> normalized = numbers.stream().map(JsonValues::normalize).toList();

    assertThat(normalized).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void widensFloatsToTheDoubleTheyPrint() {
    Object normalized = JsonValues.normalize(0.1f);

    assertThat(normalized).isEqualTo(0.1);
  }

  @Test
  void writesNonFiniteNumbersAsStrings() {
    List<Object> values = List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);

    List<Object> normalized = values.stream().map(JsonValues::normalize).toList();

    assertThat(normalized).containsExactly("NaN", "Infinity", "-Infinity");
  }

  @Test
  void turnsCharactersTextAndEnumsIntoStrings() {
    List<Object> values = List.of('x', new StringBuilder("built"), Operation.DELETE);

    List<Object> normalized = values.stream().map(JsonValues::normalize).toList();

    assertThat(normalized).containsExactly("x", "built", "DELETE");
  }

  @Test
  void writesBytesAsBase64() {
    byte[] bytes = "hi!".getBytes(StandardCharsets.US_ASCII);

    List<Object> normalized =
        List.of(JsonValues.normalize(bytes), JsonValues.normalize(Blob.fromBytes(bytes)));

    assertThat(normalized).containsExactly("aGkh", "aGkh");
  }

  @Test
  void writesEveryKindOfTimeAsRfc3339UtcWithMicroseconds() {
    List<Object> times =
        List.of(
            INSTANT,
            Timestamp.ofTimeSecondsAndNanos(INSTANT.getEpochSecond(), INSTANT.getNano()),
            OffsetDateTime.ofInstant(INSTANT, ZoneOffset.ofHours(5)),
            ZonedDateTime.ofInstant(INSTANT, ZoneId.of("America/New_York")));

    List<Object> normalized = times.stream().map(JsonValues::normalize).toList();

    assertThat(normalized).containsOnly("2026-12-03T12:00:00.123456Z");
  }

  @Test
  void writesDatesIncludingSqlDates() {
    long millis = INSTANT.toEpochMilli();

    List<Object> normalized =
        List.of(
            JsonValues.normalize(new Date(millis)),
            JsonValues.normalize(new java.sql.Date(millis)));

    assertThat(normalized).containsOnly("2026-12-03T12:00:00.123000Z");
  }

  @Test
  void writesGeoPointsAsLatitudeAndLongitude() {
    Object normalized = JsonValues.normalize(new GeoPoint(48.85, 2.35));

    assertThat(normalized).isEqualTo(Map.of("latitude", 48.85, "longitude", 2.35));
  }

  @Test
  void writesDocumentReferencesAsTheirPath() throws Exception {
    FirestoreOptions options =
        FirestoreOptions.newBuilder()
            .setProjectId("demo-firetap")
            .setEmulatorHost("127.0.0.1:1")
            .build();
    Firestore firestore = options.getService();
    try {
      DocumentReference reference = firestore.document("users/u1/orders/o9");

      Object normalized = JsonValues.normalize(reference);

      assertThat(normalized).isEqualTo("users/u1/orders/o9");
    } finally {
      firestore.close();
    }
  }

  @Test
  void unwrapsOptionals() {
    List<Object> normalized =
        Arrays.asList(JsonValues.normalize(Optional.of(3)), JsonValues.normalize(Optional.empty()));

    assertThat(normalized).containsExactly(3L, null);
  }

  @Test
  void writesOtherObjectsAsTheirText() {
    Object normalized = JsonValues.normalize(ZoneOffset.ofHours(2));

    assertThat(normalized).isEqualTo("+02:00");
  }

  @Test
  void copiesMapsKeepingOrderNullValuesAndStringifyingKeys() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put(2, null);
    map.put("a", List.of(1.5f));

    Map<String, Object> normalized = JsonValues.normalizeMap(map);

    assertThat(normalized)
        .containsExactly(entry("z", 1L), entry("2", null), entry("a", List.of(1.5)));
  }

  @Test
  void turnsCollectionsIterablesAndArraysIntoLists() {
    Iterable<Integer> iterable = () -> List.of(1, 2).iterator();

    List<Object> normalized =
        Arrays.asList(
            JsonValues.normalize(new LinkedHashSet<>(List.of("b", "a"))),
            JsonValues.normalize(iterable),
            JsonValues.normalize(new Object[] {"x", null}),
            JsonValues.normalize(new int[] {1, 2}),
            JsonValues.normalize(new double[] {0.5}),
            JsonValues.normalize(new boolean[] {true}),
            JsonValues.normalize(new char[] {'c'}));

    assertThat(normalized)
        .containsExactly(
            List.of("b", "a"),
            List.of(1L, 2L),
            Arrays.asList("x", null),
            List.of(1L, 2L),
            List.of(0.5),
            List.of(true),
            List.of("c"));
  }

  @Test
  void returnsDeepCopiesThatCannotBeChanged() {
    List<Object> items = new ArrayList<>(List.of("a"));
    Map<String, Object> map = new HashMap<>(Map.of("items", items));

    Map<String, Object> normalized = JsonValues.normalizeMap(map);
    items.add("b");
    map.put("other", 1);

    assertThat(normalized).isEqualTo(Map.of("items", List.of("a")));
    assertThatThrownBy(() -> normalized.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) normalized.get("items")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void reusesValuesItNormalizedBefore() {
    Map<String, Object> normalized = JsonValues.normalizeMap(Map.of("a", List.of(1)));

    Object again = JsonValues.normalize(normalized);

    assertThat(again).isSameAs(normalized);
  }

  @Test
  void rejectsACyclicMapNamingThePathAndTheLimit() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);

    assertThatThrownBy(() -> JsonValues.normalizeMap(cyclic, "data"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("data.self.self.self")
        .hasMessageContaining("limit of 64");
  }

  @Test
  void acceptsSixtyFourLevelsButNotSixtyFive() {
    Object sixtyFour = nested(64);
    Object sixtyFive = nested(65);

    Object normalized = JsonValues.normalize(sixtyFour, "data");

    assertThat(normalized).isEqualTo(sixtyFour);
    assertThatThrownBy(() -> JsonValues.normalize(sixtyFive, "data"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data[0].a[0].a");
  }

  @Test
  void checksTheDepthOfReusedValuesWhereTheyAreNested() {
    Object deep = JsonValues.normalize(nested(64));

    assertThatThrownBy(() -> JsonValues.normalizeMap(Map.of("wrapper", deep), "data"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit of 64");
  }

  /** Lists and maps alternating, {@code levels} deep: [{"a": [{"a": ...}]}]. */
  private static Object nested(int levels) {
    Object value = "leaf";
    for (int level = levels; level > 0; level--) {
      value = level % 2 == 0 ? Map.of("a", value) : List.of(value);
    }
    return value;
  }

  private static Map.Entry<String, Object> entry(String key, Object value) {
    return new java.util.AbstractMap.SimpleEntry<>(key, value);
  }
}

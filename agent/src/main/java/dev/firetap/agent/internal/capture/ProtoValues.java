package dev.firetap.agent.internal.capture;

import com.google.firestore.v1.Value;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns Firestore protocol values into the Java values the event model maps to JSON. */
final class ProtoValues {
  private static final int DATABASE_ROOT_SEGMENTS = 5;
  private static final String TYPE_FIELD = "__type__";

  private ProtoValues() {}

  /** The fields of a protocol document as Java values. */
  static Map<String, Object> fields(Map<String, Value> fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    fields.forEach((name, value) -> values.put(name, value(value)));
    return values;
  }

  static Object value(Value value) {
    return switch (value.getValueTypeCase()) {
      case NULL_VALUE -> null;
      case BOOLEAN_VALUE -> value.getBooleanValue();
      case INTEGER_VALUE -> value.getIntegerValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case TIMESTAMP_VALUE -> instant(value.getTimestampValue());
      case STRING_VALUE -> value.getStringValue();
      case BYTES_VALUE -> value.getBytesValue().toByteArray();
      case REFERENCE_VALUE -> documentPath(value.getReferenceValue());
      case GEO_POINT_VALUE ->
          geoPoint(value.getGeoPointValue().getLatitude(), value.getGeoPointValue().getLongitude());
      case ARRAY_VALUE -> list(value.getArrayValue().getValuesList());
      case MAP_VALUE -> fields(value.getMapValue().getFieldsMap());
      default -> value.toString();
    };
  }

  /**
   * Whether every value, nested ones included, is of a plain type: not a map with a {@code
   * __type__} field, the wire form of a vector and of other typed values that the client reads back
   * as objects of its own.
   */
  static boolean allPlain(Iterable<Value> values) {
    for (Value value : values) {
      boolean plain =
          switch (value.getValueTypeCase()) {
            case MAP_VALUE ->
                !value.getMapValue().containsFields(TYPE_FIELD)
                    && allPlain(value.getMapValue().getFieldsMap().values());
            case ARRAY_VALUE -> allPlain(value.getArrayValue().getValuesList());
            default -> true;
          };
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  private static List<Object> list(List<Value> values) {
    List<Object> items = new ArrayList<>(values.size());
    for (Value value : values) {
      items.add(value(value));
    }
    return items;
  }

  private static Map<String, Object> geoPoint(double latitude, double longitude) {
    Map<String, Object> point = new LinkedHashMap<>();
    point.put("latitude", latitude);
    point.put("longitude", longitude);
    return point;
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  /**
   * The path below the database root of a resource name such as {@code
   * projects/p/databases/(default)/documents/users/u1}.
   */
  static String documentPath(String name) {
    String[] segments = name.split("/", DATABASE_ROOT_SEGMENTS + 1);
    return segments.length > DATABASE_ROOT_SEGMENTS ? segments[DATABASE_ROOT_SEGMENTS] : name;
  }
}

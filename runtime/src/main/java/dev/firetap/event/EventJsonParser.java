package dev.firetap.event;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses a JSON object as the encoder writes events, straight from the bytes into the values {@link
 * EventJsonReader#readObject} builds, at a fraction of the cost of Jackson's general parser: plain
 * ASCII text is copied as it is, names that events carry are returned as constants. Anything
 * unusual (an integer beyond 18 digits, a repeated field, deep nesting, a long text, a UTF-8
 * sequence the JDK refuses, any error) makes it give up and return null, so that Jackson parses the
 * event: whatever this class returns, Jackson returns the same, and every rejection with its
 * message comes from Jackson.
 */
final class EventJsonParser {
  /** Longest name taken here, far below the limit of Jackson's StreamReadConstraints. */
  private static final int MAX_NAME = 1_000;

  /** Longest string taken here, far below the limit of Jackson's StreamReadConstraints. */
  private static final int MAX_STRING = 1_000_000;

  /** Names that events carry, returned as these same strings so that lookups find them at once. */
  private static final String[] KNOWN_NAMES = {
    "id",
    "op",
    "collection",
    "documentId",
    "path",
    "before",
    "after",
    "changedFields",
    "commitTime",
    "tx",
    "size",
    "index",
    "source",
    "service",
    "host",
    "version",
    "userId",
    "timestamp",
    "level",
    "event",
    "data",
    "message",
    "error",
    "type",
    "stack",
    "traceId",
    "class",
    "method",
    "durationMs"
  };

  private static final byte[][] KNOWN_BYTES =
      Arrays.stream(KNOWN_NAMES)
          .map(name -> name.getBytes(StandardCharsets.US_ASCII))
          .toArray(byte[][]::new);

  /**
   * The positions plus one of the known names by {@link #shape}, masked: the smallest table where
   * no two collide, so that a name is compared with one known name at most.
   */
  private static final int[] KNOWN_BY_SHAPE = byShape(KNOWN_NAMES);

  /** The bytes a string cannot simply be copied over: quote, backslash, control, multi-byte. */
  private static final boolean[] SPECIAL = special();

  /** Unwinds the parse when the input is outside what this class takes; carries no stack. */
  private static final class GiveUp extends RuntimeException {
    private static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  private final byte[] json;
  private int position;

  /** The entries of the objects and the items of the arrays being read, innermost on top. */
  private String[] keys = new String[32];

  private Object[] values = new Object[32];
  private int top;

  private EventJsonParser(byte[] json) {
    this.json = json;
  }

  /** The object that {@code json} holds, or null when Jackson has to parse it. */
  static Map<String, Object> parse(byte[] json) {
    EventJsonParser parser = new EventJsonParser(json);
    try {
      parser.skipWhitespace();
      if (parser.next() != '{') {
        return null;
      }
      Map<String, Object> object = parser.object(1);
      parser.skipWhitespace();
      return parser.position == json.length ? object : null;
    } catch (GiveUp e) {
      return null;
    }
  }

  private Map<String, Object> object(int depth) {
    int start = top;
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return FrozenMap.EMPTY;
    }
    do {
      skipWhitespace();
      expect('"');
      String name = name();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      push(name, value(depth));
    } while (!closed('}'));
    FrozenMap map = FrozenMap.ofDistinct(entries(keys, start), entries(values, start));
    if (map == null) {
      throw GiveUp.INSTANCE;
    }
    top = start;
    return map;
  }

  private List<Object> array(int depth) {
    int start = top;
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return new FrozenList(new Object[0]);
    }
    do {
      skipWhitespace();
      push(null, value(depth));
    } while (!closed(']'));
    List<Object> list = new FrozenList(entries(values, start));
    top = start;
    return list;
  }

  private void push(String key, Object value) {
    if (top == values.length) {
      keys = Arrays.copyOf(keys, top * 2);
      values = Arrays.copyOf(values, top * 2);
    }
    keys[top] = key;
    values[top] = value;
    top++;
  }

  private <T> T[] entries(T[] stack, int start) {
    return Arrays.copyOfRange(stack, start, top);
  }

  /** After a value: true at the closing bracket, false at a comma; gives up at anything else. */
  private boolean closed(char bracket) {
    skipWhitespace();
    byte after = next();
    if (after != ',' && after != bracket) {
      throw GiveUp.INSTANCE;
    }
    return after == bracket;
  }

  private Object value(int depth) {
    byte first = next();
    switch (first) {
      case '"':
        return text(position);
      case '{':
        return object(deeper(depth));
      case '[':
        return array(deeper(depth));
      case 't':
        return literal("rue", Boolean.TRUE);
      case 'f':
        return literal("alse", Boolean.FALSE);
      case 'n':
        return literal("ull", null);
      default:
        return number(first);
    }
  }

  private static int deeper(int depth) {
    if (depth >= JsonValues.MAX_DEPTH) {
      throw GiveUp.INSTANCE;
    }
    return depth + 1;
  }

  private static int[] byShape(String[] names) {
    for (int size = Integer.highestOneBit(names.length) * 2; ; size *= 2) {
      int[] table = new int[size];
      int placed = 0;
      while (placed < names.length && table[shape(names[placed], size - 1)] == 0) {
        table[shape(names[placed], size - 1)] = ++placed;
      }
      if (placed == names.length) {
        return table;
      }
    }
  }

  private static int shape(String name, int mask) {
    return shape(name.length(), name.charAt(0), name.charAt(name.length() - 1), mask);
  }

  /** Length, first and last character: enough to tell the known names apart. */
  private static int shape(int length, int first, int last, int mask) {
    return (length * 961 + first * 31 + last) & mask;
  }

  private static boolean[] special() {
    boolean[] special = new boolean[256];
    for (int b = 0; b < 256; b++) {
      special[b] = b < 0x20 || b == '"' || b == '\\' || b >= 0x80;
    }
    return special;
  }

  /** A name: one of the known names if it is one, else a new string. */
  private String name() {
    int start = position;
    int limit = Math.min(json.length, start + MAX_NAME);
    int end = plainEnd(start, limit);
    if (end == limit || json[end] != '"') {
      return decodedText(start, limit);
    }
    position = end + 1;
    int length = end - start;
    if (length == 0) {
      return "";
    }
    int mask = KNOWN_BY_SHAPE.length - 1;
    int known = KNOWN_BY_SHAPE[shape(length, json[start], json[end - 1], mask)] - 1;
    if (known >= 0 && KNOWN_BYTES[known].length == length && isAt(start, KNOWN_BYTES[known])) {
      return KNOWN_NAMES[known];
    }
    return new String(json, start, length, StandardCharsets.ISO_8859_1);
  }

  private boolean isAt(int start, byte[] name) {
    for (int i = 0; i < name.length; i++) {
      if (json[start + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  private String text(int start) {
    int limit = Math.min(json.length, start + MAX_STRING);
    int end = plainEnd(start, limit);
    if (end == limit || json[end] != '"') {
      return decodedText(start, limit);
    }
    position = end + 1;
    return new String(json, start, end - start, StandardCharsets.ISO_8859_1);
  }

  /** The index of the first byte from {@code start} that is not plain ASCII, or {@code limit}. */
  private int plainEnd(int start, int limit) {
    int end = start;
    while (end < limit && !SPECIAL[json[end] & 0xFF]) {
      end++;
    }
    return end;
  }

  /**
   * A text with escapes or multi-byte UTF-8, decoded as Jackson decodes them; gives up at an
   * invalid escape or UTF-8 sequence, a control character, or the limit.
   */
  private String decodedText(int start, int limit) {
    StringBuilder text = new StringBuilder();
    int i = start;
    while (i < limit) {
      int b = json[i] & 0xFF;
      if (b == '"') {
        position = i + 1;
        return text.toString();
      } else if (b == '\\') {
        i = escape(i + 1, text);
      } else if (b >= 0x80) {
        int end = i;
        while (end < limit && json[end] < 0) {
          end++;
        }
        text.append(utf8(i, end));
        i = end;
      } else if (b < 0x20) {
        throw GiveUp.INSTANCE;
      } else {
        text.append((char) b);
        i++;
      }
    }
    throw GiveUp.INSTANCE;
  }

  /** Appends the character of the escape after a backslash; returns the index after it. */
  private int escape(int at, StringBuilder text) {
    char escaped =
        switch (at < json.length ? json[at] : 0) {
          case '"' -> '"';
          case '\\' -> '\\';
          case '/' -> '/';
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'u' -> (char) hex(at + 1);
          default -> throw GiveUp.INSTANCE;
        };
    text.append(escaped);
    return json[at] == 'u' ? at + 5 : at + 1;
  }

  private int hex(int start) {
    if (start + 4 > json.length) {
      throw GiveUp.INSTANCE;
    }
    int value = 0;
    for (int i = start; i < start + 4; i++) {
      int b = json[i];
      int digit =
          b >= '0' && b <= '9'
              ? b - '0'
              : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
      if (digit < 0) {
        throw GiveUp.INSTANCE;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /**
   * Bytes of multi-byte UTF-8, decoded strictly: Jackson reads every sequence the JDK accepts here
   * as the same characters, and what the JDK refuses is left to Jackson to accept or reject.
   */
  private String utf8(int start, int end) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(json, start, end - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw GiveUp.INSTANCE;
    }
  }

  private Object literal(String rest, Object value) {
    for (int i = 0; i < rest.length(); i++) {
      if (next() != rest.charAt(i)) {
        throw GiveUp.INSTANCE;
      }
    }
    return value;
  }

  /** An integer of up to 18 digits as a Long, or a fraction as a Double; no leading zeros. */
  private Object number(byte first) {
    int start = position - 1;
    int digits = first == '-' ? position : start;
    int end = digitsEnd(digits);
    if (end == digits || (json[digits] == '0' && end - digits > 1)) {
      throw GiveUp.INSTANCE;
    }
    position = end;
    if (end < json.length && (json[end] == '.' || json[end] == 'e' || json[end] == 'E')) {
      return fraction(start);
    }
    if (end - digits > 18) {
      throw GiveUp.INSTANCE;
    }
    long value = 0;
    for (int i = digits; i < end; i++) {
      value = value * 10 + (json[i] - '0');
    }
    return first == '-' ? -value : value;
  }

  /** The rest of a number after its integer part: JSON's grammar, then Java's rounding. */
  private Double fraction(int start) {
    if (json[position] == '.') {
      position = digitsEnd(position + 1);
      if (!isDigit(json[position - 1])) {
        throw GiveUp.INSTANCE;
      }
    }
    if (position < json.length && (json[position] == 'e' || json[position] == 'E')) {
      int sign = position + 1;
      int digits = sign < json.length && (json[sign] == '+' || json[sign] == '-') ? sign + 1 : sign;
      position = digitsEnd(digits);
      if (position == digits) {
        throw GiveUp.INSTANCE;
      }
    }
    if (position - start > 100) {
      throw GiveUp.INSTANCE;
    }
    double value =
        Double.parseDouble(new String(json, start, position - start, StandardCharsets.ISO_8859_1));
    if (Double.isInfinite(value)) {
      throw GiveUp.INSTANCE;
    }
    return value;
  }

  private int digitsEnd(int start) {
    int end = start;
    while (end < json.length && isDigit(json[end])) {
      end++;
    }
    return end;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private void skipWhitespace() {
    while (position < json.length) {
      byte b = json[position];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      position++;
    }
  }

  private void expect(char expected) {
    if (next() != expected) {
      throw GiveUp.INSTANCE;
    }
  }

  private byte peek() {
    if (position >= json.length) {
      throw GiveUp.INSTANCE;
    }
    return json[position];
  }

  private byte next() {
    byte b = peek();
    position++;
    return b;
  }
}

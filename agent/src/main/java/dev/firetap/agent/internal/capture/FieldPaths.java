package dev.firetap.agent.internal.capture;

import java.util.ArrayList;
import java.util.List;

/** Splits Firestore field paths such as {@code a.b} or {@code `odd.name`.c} into segments. */
final class FieldPaths {
  private FieldPaths() {}

  static List<String> segments(String fieldPath) {
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < fieldPath.length(); i++) {
      char c = fieldPath.charAt(i);
      if (c == '\\' && quoted && i + 1 < fieldPath.length()) {
        segment.append(fieldPath.charAt(++i));
      } else if (c == '`') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        segments.add(segment.toString());
        segment.setLength(0);
      } else {
        segment.append(c);
      }
    }
    segments.add(segment.toString());
    return segments;
  }
}

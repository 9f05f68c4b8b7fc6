package dev.firetap.annotation.internal;

import java.util.ArrayList;
import java.util.List;

/** Parses the text of one {@link Expression}; see there for the grammar. */
final class ExpressionParser {
  private static final String RESULT = "result";

  private final String text;
  private final Expression.Site site;
  private int position;

  ExpressionParser(String text, Expression.Site site) {
    this.text = text;
    this.site = site;
  }

  Expression parse() {
    if (!text.startsWith("#")) {
      throw site.error(text, "must start with '#' (#name, #p0, #0 or #result)");
    }
    position = 1;
    int root = root();
    List<Expression.Step> steps = new ArrayList<>();
    while (position < text.length()) {
      steps.add(step());
    }
    return new Expression(text, root, steps);
  }

  private int root() {
    int start = position;
    String token = Character.isDigit(peek()) ? digits() : name();
    if (token.isEmpty()) {
      throw site.error(text, "has no parameter name after '#' at position " + start);
    }
    if (token.equals(RESULT)) {
      if (!site.method().returnsValue()) {
        throw site.error(text, "uses #result, but the method returns nothing");
      }
      return Expression.RESULT;
    }
    List<String> names = site.method().parameterNames();
    int byName = names.indexOf(token);
    if (byName >= 0) {
      return byName;
    }
    if (token.matches("p?[0-9]+")) {
      return position(token, names.size());
    }
    throw site.error(text, "names no parameter (" + parameterList(names) + ")");
  }

  private int position(String token, int count) {
    String digits = token.startsWith("p") ? token.substring(1) : token;
    int index = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    if (index >= count) {
      throw site.error(
          text,
          "names parameter "
              + digits
              + ", but the method has "
              + count
              + " parameter"
              + (count == 1 ? "" : "s")
              + " (positions start at 0)");
    }
    return index;
  }

  private static String parameterList(List<String> names) {
    return names.isEmpty()
        ? "the method has no parameters"
        : "parameters: " + String.join(", ", names);
  }

  private Expression.Step step() {
    char next = text.charAt(position);
    if (next == '.') {
      position++;
      int start = position;
      String name = name();
      if (name.isEmpty()) {
        throw site.error(text, "expects a property name after '.' at position " + (start - 1));
      }
      return new Expression.Property(name);
    }
    if (next == '[') {
      return key();
    }
    throw site.error(
        text,
        "has unexpected '" + next + "' at position " + position + "; expected .name or [key]");
  }

  private Expression.Step key() {
    int open = position;
    position++;
    char first = peek();
    Expression.Step step;
    if (first == '\'' || first == '"') {
      step = new Expression.Key(quoted(first), null);
    } else if (Character.isDigit(first)) {
      String digits = digits();
      step = new Expression.Key(digits, digits.length() > 9 ? null : Integer.valueOf(digits));
    } else {
      throw site.error(text, "expects a quoted key or an index after '[' at position " + open);
    }
    if (peek() != ']') {
      throw site.error(text, "has an unclosed '[' at position " + open);
    }
    position++;
    return step;
  }

  private String quoted(char quote) {
    int start = position;
    position++;
    StringBuilder key = new StringBuilder();
    while (position < text.length() && text.charAt(position) != quote) {
      char c = text.charAt(position++);
      if (c == '\\' && position < text.length()) {
        c = text.charAt(position++);
      }
      key.append(c);
    }
    if (position >= text.length()) {
      throw site.error(text, "has an unterminated string at position " + start);
    }
    position++;
    return key.toString();
  }

  private String name() {
    int start = position;
    if (position < text.length() && Character.isJavaIdentifierStart(text.charAt(position))) {
      position++;
      while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
        position++;
      }
    }
    return text.substring(start, position);
  }

  private String digits() {
    int start = position;
    while (position < text.length() && Character.isDigit(text.charAt(position))) {
      position++;
    }
    return text.substring(start, position);
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }
}

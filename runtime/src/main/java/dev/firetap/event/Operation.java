package dev.firetap.event;

import java.util.Objects;

/** The kind of document change a {@link ChangeEvent} records. */
public enum Operation {
  /** The document did not exist before the commit and exists after it. */
  CREATE("create"),
  /** The document existed before and after the commit. */
  UPDATE("update"),
  /** The document existed before the commit and no longer exists after it. */
  DELETE("delete");

  private final String wireName;

  Operation(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name used in JSON: {@code create}, {@code update} or {@code delete}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the operation whose {@link #wireName()} is exactly {@code wireName}.
   *
   * @throws IllegalArgumentException if no operation has that wire name (case matters)
   */
  public static Operation fromWireName(String wireName) {
    Objects.requireNonNull(wireName, "wireName");
    Operation operation = forWireName(wireName);
    if (operation == null) {
      throw new IllegalArgumentException(
          "operation must be one of create, update, delete, got '" + wireName + "'");
    }
    return operation;
  }

  /** Returns the operation with this exact wire name, or null when there is none. */
  static Operation forWireName(String wireName) {
    for (Operation operation : values()) {
      if (operation.wireName.equals(wireName)) {
        return operation;
      }
    }
    return null;
  }
}

package dev.firetap.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One document created, updated or deleted by a Firestore commit. Written to the {@code
 * firetap:cdc:<collection>} stream; {@code docs/events.md} describes its JSON form.
 *
 * @param id unique per change, and the same when the same change is emitted again
 * @param op what happened to the document
 * @param collection the id of the document's parent collection
 * @param documentId the document id, the last segment of {@code path}
 * @param path the document path below the database root, such as {@code users/u1/orders/o9}
 * @param before the fields just before the commit; null when the document did not exist
 * @param after the fields just after the commit; null when the document no longer exists
 * @param changedFields the sorted names of the top-level fields that differ
 * @param commitTime the commit time, in microseconds
 * @param tx where this change sits among the changes of its commit
 * @param source the application instance that made the change
 * @param userId the user on whose behalf the change was made; null when unknown
 */
public record ChangeEvent(
    String id,
    Operation op,
    String collection,
    String documentId,
    String path,
    Map<String, Object> before,
    Map<String, Object> after,
    List<String> changedFields,
    Instant commitTime,
    Transaction tx,
    ChangeSource source,
    String userId) {
  /**
   * Checks the event and makes it immutable: {@code before} and {@code after} become deep {@link
   * JsonValues} copies, {@code changedFields} a sorted copy without duplicates, and {@code
   * commitTime} is truncated to microseconds.
   *
   * @throws NullPointerException if a field other than before, after and userId is null
   * @throws IllegalArgumentException if {@code path} is not a document path ending in {@code
   *     collection/documentId}, or if before and after do not fit {@code op}
   */
  public ChangeEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(changedFields, "changedFields");
    Objects.requireNonNull(commitTime, "commitTime");
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(source, "source");
    checkPath(path, collection, documentId);
    checkStates(op, before, after);
    before = before == null ? null : JsonValues.normalizeMap(before, "before");
    after = after == null ? null : JsonValues.normalizeMap(after, "after");
    changedFields = sortedCopy(changedFields);
    commitTime = Timestamps.toMicros(commitTime);
  }

  /**
   * Starts building the change of the document at {@code path}; collection and document id are
   * taken from the path.
   */
  public static Builder builder(Operation op, String path) {
    return new Builder(op, path);
  }

  private static void checkPath(String path, String collection, String documentId) {
    if (!isDocumentPath(path)) {
      throw new IllegalArgumentException(
          "path must be a document path (an even number of non-empty segments separated by '/'"
              + ", such as users/u1), got '"
              + path
              + "'");
    }
    int last = path.lastIndexOf('/');
    int previous = path.lastIndexOf('/', last - 1);
    if (!isSegment(path, last + 1, path.length(), documentId)) {
      throw new IllegalArgumentException(
          "documentId must be the last segment of path '" + path + "', got '" + documentId + "'");
    }
    if (!isSegment(path, previous + 1, last, collection)) {
      throw new IllegalArgumentException(
          "collection must be the second-to-last segment of path '"
              + path
              + "', got '"
              + collection
              + "'");
    }
  }

  /** Whether the path has an even number of segments separated by '/', none of them empty. */
  private static boolean isDocumentPath(String path) {
    int segments = 1;
    int start = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        if (i == start) {
          return false;
        }
        segments++;
        start = i + 1;
      }
    }
    return start < path.length() && segments % 2 == 0;
  }

  private static boolean isSegment(String path, int start, int end, String segment) {
    return end - start == segment.length() && path.startsWith(segment, start);
  }

  private static void checkStates(Operation op, Map<?, ?> before, Map<?, ?> after) {
    boolean fits =
        switch (op) {
          case CREATE -> before == null && after != null;
          case UPDATE -> before != null && after != null;
          case DELETE -> before != null && after == null;
        };
    if (!fits) {
      String expected =
          switch (op) {
            case CREATE -> "before null and after non-null";
            case UPDATE -> "before and after non-null";
            case DELETE -> "before non-null and after null";
          };
      throw new IllegalArgumentException(
          "a change event with op '"
              + op.wireName()
              + "' must have "
              + expected
              + ", got before "
              + (before == null ? "null" : "non-null")
              + " and after "
              + (after == null ? "null" : "non-null"));
    }
  }

  private static List<String> sortedCopy(List<String> names) {
    String[] copy = names.toArray(new String[names.size()]);
    if (isSortedWithoutDuplicates(copy)) {
      // As events carry them: no tree is built to sort what is already sorted.
      return Collections.unmodifiableList(Arrays.asList(copy));
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String name : copy) {
      sorted.add(Objects.requireNonNull(name, "changedFields must not contain null"));
    }
    return Collections.unmodifiableList(new ArrayList<>(sorted));
  }

  private static boolean isSortedWithoutDuplicates(String[] names) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] == null || (i > 0 && names[i - 1].compareTo(names[i]) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Builds a {@link ChangeEvent}, filling in what can be derived. Not thread-safe; {@link #build()}
   * may be called more than once.
   */
  public static final class Builder {
    private final Operation op;
    private final String path;
    private String id;
    private Map<?, ?> before;
    private Map<?, ?> after;
    private List<String> changedFields;
    private Instant commitTime;
    private Transaction tx;
    private ChangeSource source;
    private String userId;

    private Builder(Operation op, String path) {
      this.op = Objects.requireNonNull(op, "op");
      this.path = Objects.requireNonNull(path, "path");
    }

    /** Sets the id; by default {@link EventIds#changeId(String, Instant, Operation)}. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /** Sets the fields before the commit; null (the default) when the document did not exist. */
    public Builder before(Map<?, ?> before) {
      this.before = before;
      return this;
    }

    /** Sets the fields after the commit; null (the default) when the document no longer exists. */
    public Builder after(Map<?, ?> after) {
      this.after = after;
      return this;
    }

    /** Sets the changed fields; by default {@link ChangedFields#between(Map, Map)}. */
    public Builder changedFields(List<String> changedFields) {
      this.changedFields = new ArrayList<>(changedFields);
      return this;
    }

    /** Sets the commit time; by default the time {@link #build()} is called. */
    public Builder commitTime(Instant commitTime) {
      this.commitTime = Objects.requireNonNull(commitTime, "commitTime");
      return this;
    }

    /** Sets the transaction; by default {@link Transaction#single(String)} of the event id. */
    public Builder tx(Transaction tx) {
      this.tx = Objects.requireNonNull(tx, "tx");
      return this;
    }

    /** Sets the application instance that made the change; required. */
    public Builder source(ChangeSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Sets the user on whose behalf the change was made; null (the default) when unknown. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /**
     * Builds the event.
     *
     * @throws NullPointerException if no source was set
     * @throws IllegalArgumentException if the path is not a document path, before and after do not
     *     fit the operation, or they nest deeper than {@link JsonValues#MAX_DEPTH}
     */
    public ChangeEvent build() {
      Objects.requireNonNull(source, "source");
      Map<String, Object> oldFields =
          before == null ? null : JsonValues.normalizeMap(before, "before");
      Map<String, Object> newFields =
          after == null ? null : JsonValues.normalizeMap(after, "after");
      Instant time = Timestamps.toMicros(commitTime != null ? commitTime : Instant.now());
      String eventId = id != null ? id : EventIds.changeId(path, time, op);
      String[] segments = path.split("/", -1);
      return new ChangeEvent(
          eventId,
          op,
          segments.length >= 2 ? segments[segments.length - 2] : "",
          segments[segments.length - 1],
          path,
          oldFields,
          newFields,
          changedFields != null ? changedFields : ChangedFields.between(oldFields, newFields),
          time,
          tx != null ? tx : Transaction.single(eventId),
          source,
          userId);
    }
  }
}

package dev.firetap.cdc;

import dev.firetap.event.Operation;
import dev.firetap.event.Transaction;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A change to capture explicitly with {@link ChangeCapture#capture(Change)}: what happened to which
 * document, with its fields before and after. Immutable: every {@code with}-style method returns a
 * new instance.
 *
 * @param op what happened
 * @param path the document path below the database root, e.g. {@code users/u1/orders/o9}
 * @param before the fields before the change; null for a create
 * @param after the fields after the change; null for a delete
 * @param at when it happened; null means when it is captured
 * @param userId the user the change is about; null means none
 * @param transaction the commit it belongs to; null means a commit of its own
 */
public record Change(
    Operation op,
    String path,
    Map<String, ?> before,
    Map<String, ?> after,
    Instant at,
    String userId,
    Transaction transaction) {
  /** Checks that {@code op} and {@code path} are not null. */
  public Change {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(path, "path");
  }

  /** A document created in {@code collection} with id {@code documentId}. */
  public static Change create(String collection, String documentId) {
    return of(Operation.CREATE, collection + "/" + documentId);
  }

  /** A document of {@code collection} with id {@code documentId} updated. */
  public static Change update(String collection, String documentId) {
    return of(Operation.UPDATE, collection + "/" + documentId);
  }

  /** A document of {@code collection} with id {@code documentId} deleted. */
  public static Change delete(String collection, String documentId) {
    return of(Operation.DELETE, collection + "/" + documentId);
  }

  /** A change of the document at {@code path}, e.g. {@code users/u1/orders/o9}. */
  public static Change of(Operation op, String path) {
    return new Change(op, path, null, null, null, null, null);
  }

  /** The same change with the fields before it. */
  public Change before(Map<String, ?> fields) {
    return new Change(op, path, fields, after, at, userId, transaction);
  }

  /** The same change with the fields after it. */
  public Change after(Map<String, ?> fields) {
    return new Change(op, path, before, fields, at, userId, transaction);
  }

  /** The same change at {@code time}. */
  public Change at(Instant time) {
    return new Change(op, path, before, after, time, userId, transaction);
  }

  /** The same change about {@code user}. */
  public Change userId(String user) {
    return new Change(op, path, before, after, at, user, transaction);
  }

  /** The same change as part of {@code commit}. */
  public Change transaction(Transaction commit) {
    return new Change(op, path, before, after, at, userId, commit);
  }
}

package dev.firetap.agent.internal.capture;

import com.google.firestore.v1.BatchWriteRequest;
import com.google.firestore.v1.BatchWriteResponse;
import com.google.firestore.v1.CommitRequest;
import com.google.firestore.v1.CommitResponse;
import com.google.firestore.v1.DocumentTransform.FieldTransform;
import com.google.firestore.v1.Precondition;
import com.google.firestore.v1.Value;
import com.google.firestore.v1.Write;
import com.google.firestore.v1.WriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the writes of a successful Commit or BatchWrite from its request and response, keeping
 * those that changed a document of a captured collection.
 */
final class CommitReader {
  private static final int OK = 0;

  private CommitReader() {}

  /**
   * The commit, or empty when it wrote nothing captured. A write whose update time is before the
   * commit time changed nothing: the server reports the document's previous update time then.
   */
  static Optional<CapturedCommit> commit(
      CommitRequest request, CommitResponse response, CollectionFilter filter) {
    if (request.getWritesCount() == 0 || !response.hasCommitTime()) {
      return Optional.empty();
    }
    Instant commitTime = ProtoValues.instant(response.getCommitTime());
    List<CapturedWrite> writes = new ArrayList<>();
    for (int i = 0; i < request.getWritesCount(); i++) {
      WriteResult result = resultAt(response.getWriteResultsList(), i);
      Write write = request.getWrites(i);
      boolean changed =
          write.hasDelete()
              || !result.hasUpdateTime()
              || !ProtoValues.instant(result.getUpdateTime()).isBefore(commitTime);
      if (changed) {
        captured(write, result, filter).ifPresent(writes::add);
      }
    }
    String transaction =
        request.getTransaction().isEmpty()
            ? null
            : Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(request.getTransaction().toByteArray());
    return writes.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new CapturedCommit(
                writes, commitTime, transaction, commitTime.minusNanos(1000), commitTime));
  }

  /**
   * One commit per write whose status is OK: BatchWrite applies each write on its own. The response
   * has no commit time; a write's update time is its time, and a delete, which has none, counts
   * from when the response arrived and is read before at the time the request was sent. A write
   * whose update time is before the request was sent changed nothing.
   */
  static List<CapturedCommit> batchWrite(
      BatchWriteRequest request,
      BatchWriteResponse response,
      Instant sentAt,
      Instant receivedAt,
      CollectionFilter filter) {
    List<CapturedCommit> commits = new ArrayList<>();
    for (int i = 0; i < request.getWritesCount(); i++) {
      boolean applied = i < response.getStatusCount() && response.getStatus(i).getCode() == OK;
      WriteResult result = resultAt(response.getWriteResultsList(), i);
      Write write = request.getWrites(i);
      if (!applied) {
        continue;
      }
      Optional<CapturedWrite> captured = captured(write, result, filter);
      if (captured.isEmpty()) {
        continue;
      }
      if (write.hasDelete() || !result.hasUpdateTime()) {
        commits.add(new CapturedCommit(List.of(captured.get()), receivedAt, null, sentAt, null));
        continue;
      }
      Instant updateTime = ProtoValues.instant(result.getUpdateTime());
      if (!updateTime.isBefore(sentAt)) {
        commits.add(
            new CapturedCommit(
                List.of(captured.get()),
                updateTime,
                null,
                updateTime.minusNanos(1000),
                updateTime));
      }
    }
    return commits;
  }

  private static WriteResult resultAt(List<WriteResult> results, int index) {
    return index < results.size() ? results.get(index) : WriteResult.getDefaultInstance();
  }

  private static Optional<CapturedWrite> captured(
      Write write, WriteResult result, CollectionFilter filter) {
    CapturedWrite captured =
        switch (write.getOperationCase()) {
          case UPDATE ->
              new CapturedWrite(
                  ProtoValues.documentPath(write.getUpdate().getName()),
                  write.hasUpdateMask() ? CapturedWrite.Kind.UPDATE : CapturedWrite.Kind.SET,
                  mustNotExist(write),
                  withTransforms(
                      ProtoValues.fields(write.getUpdate().getFieldsMap()),
                      write.getUpdateTransformsList(),
                      result.getTransformResultsList()),
                  !write.hasUpdateMask()
                      && write.getUpdateTransformsCount() == 0
                      && ProtoValues.allPlain(write.getUpdate().getFieldsMap().values()));
          case DELETE ->
              new CapturedWrite(
                  ProtoValues.documentPath(write.getDelete()),
                  CapturedWrite.Kind.DELETE,
                  false,
                  null,
                  true);
          case TRANSFORM ->
              new CapturedWrite(
                  ProtoValues.documentPath(write.getTransform().getDocument()),
                  CapturedWrite.Kind.UPDATE,
                  false,
                  withTransforms(
                      new LinkedHashMap<>(),
                      write.getTransform().getFieldTransformsList(),
                      result.getTransformResultsList()),
                  false);
          default -> null;
        };
    return Optional.ofNullable(captured)
        .filter(candidate -> filter.captures(candidate.collectionId()));
  }

  private static boolean mustNotExist(Write write) {
    return write.hasCurrentDocument()
        && write.getCurrentDocument().getConditionTypeCase()
            == Precondition.ConditionTypeCase.EXISTS
        && !write.getCurrentDocument().getExists();
  }

  /** The written fields with each transform's result put at its field path. */
  private static Map<String, Object> withTransforms(
      Map<String, Object> fields, List<FieldTransform> transforms, List<Value> results) {
    for (int i = 0; i < transforms.size() && i < results.size(); i++) {
      put(
          fields,
          FieldPaths.segments(transforms.get(i).getFieldPath()),
          ProtoValues.value(results.get(i)));
    }
    return fields;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> fields, List<String> path, Object value) {
    Map<String, Object> map = fields;
    for (String segment : path.subList(0, path.size() - 1)) {
      Object next = map.get(segment);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        map.put(segment, next);
      }
      map = (Map<String, Object>) next;
    }
    map.put(path.get(path.size() - 1), value);
  }
}

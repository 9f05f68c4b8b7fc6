package dev.firetap.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.firestore.v1.BatchWriteRequest;
import com.google.firestore.v1.BatchWriteResponse;
import com.google.firestore.v1.CommitRequest;
import com.google.firestore.v1.CommitResponse;
import com.google.firestore.v1.Document;
import com.google.firestore.v1.DocumentMask;
import com.google.firestore.v1.DocumentTransform.FieldTransform;
import com.google.firestore.v1.MapValue;
import com.google.firestore.v1.Precondition;
import com.google.firestore.v1.Value;
import com.google.firestore.v1.Write;
import com.google.firestore.v1.WriteResult;
import com.google.protobuf.ByteString;
import com.google.rpc.Status;
import dev.firetap.config.FiretapConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitReaderTest {
  private static final String ROOT = "projects/p/databases/(default)/documents/";
  private static final Instant COMMIT = Instant.parse("2026-12-03T12:00:00.000042Z");
  private static final CollectionFilter ALL = CollectionFilter.of(FiretapConfig.defaults());

  @Test
  void readsPathsKindsAndTheCommitTime() {
    CommitRequest request =
        CommitRequest.newBuilder()
            .addWrites(create("users/u1/orders/o9", "total", 5))
            .addWrites(Write.newBuilder().setDelete(ROOT + "users/u2"))
            .build();

    CapturedCommit commit = CommitReader.commit(request, response(COMMIT, COMMIT), ALL).get();

    assertThat(commit.writes())
        .extracting(CapturedWrite::path, CapturedWrite::kind, CapturedWrite::mustNotExist)
        .containsExactly(
            tuple("users/u1/orders/o9", CapturedWrite.Kind.SET, true),
            tuple("users/u2", CapturedWrite.Kind.DELETE, false));
    assertThat(commit.writes().get(0).fields()).isEqualTo(Map.of("total", 5L));
    assertThat(commit.commitTime()).isEqualTo(COMMIT);
    assertThat(commit.beforeReadTime()).isEqualTo(COMMIT.minusNanos(1000));
    assertThat(commit.transactionId()).isNull();
  }

  @Test
  void dropsAWriteWhoseUpdateTimeIsBeforeTheCommitTime() {
    CommitRequest request =
        CommitRequest.newBuilder()
            .addWrites(create("a/1", "x", 1))
            .addWrites(create("a/2", "x", 2))
            .build();

    CapturedCommit commit =
        CommitReader.commit(request, response(COMMIT, COMMIT.minusSeconds(5), COMMIT), ALL).get();

    assertThat(commit.writes()).extracting(CapturedWrite::path).containsExactly("a/2");
  }

  @Test
  void skipsAnEmptyCommitAndFiretapsOwnCollection() {
    CommitRequest empty =
        CommitRequest.newBuilder().setTransaction(ByteString.copyFromUtf8("t")).build();
    CommitRequest own =
        CommitRequest.newBuilder().addWrites(create("firetap_errors/e", "a", 1)).build();

    assertThat(CommitReader.commit(empty, CommitResponse.getDefaultInstance(), ALL)).isEmpty();
    assertThat(CommitReader.commit(own, response(COMMIT, COMMIT), ALL)).isEmpty();
  }

  @Test
  void putsTransformResultsAtTheirFieldPathsAndNamesTheTransaction() {
    Write update =
        Write.newBuilder()
            .setUpdate(Document.newBuilder().setName(ROOT + "counters/c"))
            .setUpdateMask(DocumentMask.getDefaultInstance())
            .addUpdateTransforms(FieldTransform.newBuilder().setFieldPath("stats.`hits.total`"))
            .build();
    CommitRequest request =
        CommitRequest.newBuilder()
            .addWrites(update)
            .setTransaction(ByteString.copyFrom(new byte[] {1, 2, 3}))
            .build();
    CommitResponse response =
        CommitResponse.newBuilder()
            .setCommitTime(ProtoValues.timestamp(COMMIT))
            .addWriteResults(
                WriteResult.newBuilder()
                    .setUpdateTime(ProtoValues.timestamp(COMMIT))
                    .addTransformResults(Value.newBuilder().setIntegerValue(7)))
            .build();

    Optional<CapturedCommit> commit = CommitReader.commit(request, response, ALL);

    CapturedWrite write = commit.get().writes().get(0);
    assertThat(write.kind()).isEqualTo(CapturedWrite.Kind.UPDATE);
    assertThat(write.fields()).isEqualTo(Map.of("stats", Map.of("hits.total", 7L)));
    assertThat(commit.get().transactionId()).isEqualTo("AQID");
  }

  @Test
  void keepsOnlyBatchWritesWhoseStatusIsOk() {
    Instant sent = COMMIT.minusMillis(10);
    BatchWriteRequest request =
        BatchWriteRequest.newBuilder()
            .addWrites(create("a/1", "x", 1))
            .addWrites(create("a/2", "x", 2))
            .addWrites(Write.newBuilder().setDelete(ROOT + "a/3"))
            .build();
    BatchWriteResponse response =
        BatchWriteResponse.newBuilder()
            .addWriteResults(WriteResult.newBuilder().setUpdateTime(ProtoValues.timestamp(COMMIT)))
            .addWriteResults(WriteResult.getDefaultInstance())
            .addWriteResults(WriteResult.getDefaultInstance())
            .addStatus(Status.newBuilder().setCode(0))
            .addStatus(Status.newBuilder().setCode(6))
            .addStatus(Status.newBuilder().setCode(0))
            .build();

    List<CapturedCommit> commits =
        CommitReader.batchWrite(request, response, sent, COMMIT.plusMillis(5), ALL);

    assertThat(commits).hasSize(2);
    assertThat(commits.get(0).commitTime()).isEqualTo(COMMIT);
    assertThat(commits.get(1).writes().get(0).path()).isEqualTo("a/3");
    assertThat(commits.get(1).beforeReadTime()).isEqualTo(sent);
    assertThat(commits.get(1).afterReadTime()).isNull();
  }

  @Test
  void statesTheStateAfterDeletesAndPlainSetsAndBeforeCreatesOnly() {
    Write set = create("a/set", "x", 1).toBuilder().clearCurrentDocument().build();
    Write merge =
        set.toBuilder()
            .setUpdate(set.getUpdate().toBuilder().setName(ROOT + "a/merge"))
            .setUpdateMask(DocumentMask.newBuilder().addFieldPaths("x"))
            .build();
    Value vector =
        Value.newBuilder()
            .setMapValue(
                MapValue.newBuilder()
                    .putFields("__type__", Value.newBuilder().setStringValue("__vector__").build()))
            .build();
    Write typed =
        Write.newBuilder()
            .setUpdate(Document.newBuilder().setName(ROOT + "a/typed").putFields("v", vector))
            .build();
    Write transformed =
        set.toBuilder()
            .setUpdate(set.getUpdate().toBuilder().setName(ROOT + "a/t"))
            .addUpdateTransforms(FieldTransform.newBuilder().setFieldPath("n"))
            .build();
    CommitRequest request =
        CommitRequest.newBuilder()
            .addWrites(create("a/new", "x", 1))
            .addWrites(set)
            .addWrites(Write.newBuilder().setDelete(ROOT + "a/gone"))
            .addWrites(merge)
            .addWrites(typed)
            .addWrites(transformed)
            .build();

    CapturedCommit commit =
        CommitReader.commit(request, response(COMMIT, COMMIT, COMMIT, COMMIT, COMMIT, COMMIT), ALL)
            .get();

    Map<String, Map<String, Object>> after = new HashMap<>();
    after.put("a/new", Map.of("x", 1L));
    after.put("a/set", Map.of("x", 1L));
    after.put("a/gone", null);
    assertThat(commit.statedAfter()).isEqualTo(after);
    assertThat(commit.absentBefore()).containsExactly("a/new");
  }

  @Test
  void statesNothingOfADocumentWrittenTwiceInOneCommit() {
    CommitRequest request =
        CommitRequest.newBuilder()
            .addWrites(create("a/1", "x", 1))
            .addWrites(Write.newBuilder().setDelete(ROOT + "a/1"))
            .build();

    CapturedCommit commit =
        CommitReader.commit(request, response(COMMIT, COMMIT, COMMIT), ALL).get();

    assertThat(commit.statedAfter()).isEmpty();
    assertThat(commit.absentBefore()).isEmpty();
  }

  private static Write create(String path, String field, long value) {
    return Write.newBuilder()
        .setUpdate(
            Document.newBuilder()
                .setName(ROOT + path)
                .putFields(field, Value.newBuilder().setIntegerValue(value).build()))
        .setCurrentDocument(Precondition.newBuilder().setExists(false))
        .build();
  }

  private static CommitResponse response(Instant commitTime, Instant... updateTimes) {
    CommitResponse.Builder response =
        CommitResponse.newBuilder().setCommitTime(ProtoValues.timestamp(commitTime));
    for (Instant updateTime : updateTimes) {
      response.addWriteResults(
          WriteResult.newBuilder().setUpdateTime(ProtoValues.timestamp(updateTime)));
    }
    return response.build();
  }
}

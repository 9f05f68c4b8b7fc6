package dev.firetap.agent.internal.capture;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.cloud.firestore.Firestore;
import com.google.firestore.v1.BatchWriteRequest;
import com.google.firestore.v1.BatchWriteResponse;
import com.google.firestore.v1.CommitRequest;
import com.google.firestore.v1.CommitResponse;
import dev.firetap.Firetap;
import dev.firetap.ProcessIdentity;
import dev.firetap.agent.internal.CaptureExecutor;
import dev.firetap.agent.internal.ClientCapture;
import dev.firetap.config.FiretapConfig;
import dev.firetap.config.SnapshotMode;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each successful Commit and BatchWrite of the application into change events: waits for the
 * response without blocking anyone, reads the captured writes, takes the document images (by
 * snapshot reads or from the request) and emits one event per changed document.
 *
 * <p>Loaded once per client by a {@code CaptureLoader}, which links it against that client; the
 * agent creates it reflectively and calls it through {@link ClientCapture}.
 */
public final class CommitCapture implements ClientCapture {
  private static final Logger log = LoggerFactory.getLogger(CommitCapture.class);

  private final SnapshotMode snapshots;
  private final CollectionFilter filter;
  private final CompletableFuture<Firetap> firetap;
  private final CaptureExecutor executor;
  private final ChangeSource source;
  private final SnapshotOutage outage = new SnapshotOutage();

  /**
   * Captures with the settings of {@code config}, emitting through {@code firetap} when started.
   */
  public CommitCapture(
      FiretapConfig config, CompletableFuture<Firetap> firetap, CaptureExecutor executor) {
    this.snapshots = config.cdcSnapshots();
    this.filter = CollectionFilter.of(config);
    this.firetap = firetap;
    this.executor = executor;
    this.source = ProcessIdentity.of(config.service()).changeSource();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void sent(Object firestore, Object request, Object response) {
    // Read times must be whole microseconds; the request time serves as one for BatchWrite.
    Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    ApiFutures.addCallback(
        (ApiFuture<Object>) response,
        new Completion((Firestore) firestore, request, sentAt),
        executor);
  }

  private void completed(Firestore firestore, Object request, Object response, Instant sentAt) {
    List<CapturedCommit> commits =
        request instanceof CommitRequest commit
            ? CommitReader.commit(commit, (CommitResponse) response, filter).stream().toList()
            : CommitReader.batchWrite(
                (BatchWriteRequest) request,
                (BatchWriteResponse) response,
                sentAt,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                filter);
    for (CapturedCommit commit : commits) {
      emit(ChangeEvents.of(commit, changes(firestore, commit), source));
    }
  }

  private List<DocumentChange> changes(Firestore firestore, CapturedCommit commit) {
    if (snapshots == SnapshotMode.NONE || !outage.shouldRead(System.nanoTime())) {
      return DocumentImages.fromRequest(commit);
    }
    try {
      List<DocumentChange> changes = exactChanges(firestore, commit, outage.timeout());
      outage.succeeded();
      return changes;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.debug(
          "commit at {}: reading {} documents before and after failed",
          commit.commitTime(),
          commit.paths().size(),
          e);
      outage.failed(System.nanoTime(), e);
      return DocumentImages.fromRequest(commit);
    }
  }

  /**
   * The changes shown by the documents' states just before and just after the commit. What the
   * request itself states exactly is not read: the state after a delete or a plain set, and before
   * a create. So a commit of creates costs no read, and one of plain sets half as many.
   */
  private static List<DocumentChange> exactChanges(
      Firestore firestore, CapturedCommit commit, Duration timeout)
      throws ExecutionException, TimeoutException, InterruptedException {
    Set<String> absentBefore = commit.absentBefore();
    Map<String, Map<String, Object>> after = new HashMap<>(commit.statedAfter());
    List<String> unknownBefore =
        commit.paths().stream().filter(path -> !absentBefore.contains(path)).toList();
    List<String> unknownAfter =
        commit.paths().stream().filter(path -> !after.containsKey(path)).toList();
    Map<String, Map<String, Object>> before =
        unknownBefore.isEmpty()
            ? Map.of()
            : SnapshotReader.read(firestore, unknownBefore, commit.beforeReadTime(), timeout);
    if (!unknownAfter.isEmpty() && commit.afterReadTime() != null) {
      after.putAll(SnapshotReader.read(firestore, unknownAfter, commit.afterReadTime(), timeout));
    }
    return DocumentImages.fromSnapshots(commit, before, after);
  }

  private void emit(List<ChangeEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    Firetap instance = firetap.getNow(null);
    if (instance == null) {
      // Still starting: it starts without the network, so this wait is short.
      instance = firetap.join();
    }
    for (ChangeEvent event : events) {
      instance.emitter().emit(event);
      log.debug("{} {} captured at {}", event.op().wireName(), event.path(), event.commitTime());
    }
  }

  /** The response callback, on the capture thread; never lets anything escape. */
  private final class Completion implements ApiFutureCallback<Object> {
    private final Firestore firestore;
    private final Object request;
    private final Instant sentAt;

    Completion(Firestore firestore, Object request, Instant sentAt) {
      this.firestore = firestore;
      this.request = request;
      this.sentAt = sentAt;
    }

    @Override
    public void onSuccess(Object response) {
      try {
        completed(firestore, request, response, sentAt);
      } catch (Throwable e) {
        log.error("capturing a commit failed; its change events are lost", e);
      }
    }

    @Override
    public void onFailure(Throwable failure) {
      log.debug("a write request failed, so it changed nothing: {}", failure.toString());
    }
  }
}

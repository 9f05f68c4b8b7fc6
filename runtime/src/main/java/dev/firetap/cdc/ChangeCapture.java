package dev.firetap.cdc;

import dev.firetap.ProcessIdentity;
import dev.firetap.cdc.internal.ChangeSubscriptions;
import dev.firetap.emit.Emitter;
import dev.firetap.event.ChangeEvent;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Change data capture by hand, and real-time subscriptions to change events.
 *
 * <p>Writes made through the Firestore client are captured by the Firetap agent without any call to
 * this class; {@link #capture} is for changes the agent cannot see (another store, a payment
 * gateway) and for applications that run without the agent.
 */
public final class ChangeCapture {
  private final Emitter emitter;
  private final ProcessIdentity identity;
  private final ChangeSubscriptions subscriptions;
  private final Clock clock;

  /** Wires the capture API; applications get theirs from {@code Firetap.changes()}. */
  public ChangeCapture(
      Emitter emitter, ProcessIdentity identity, ChangeSubscriptions subscriptions, Clock clock) {
    this.emitter = Objects.requireNonNull(emitter, "emitter");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Captures a change: builds its event (id, changed fields, transaction, source) and emits it to
   * {@code firetap:cdc:<collection>} and the collection's real-time channel.
   *
   * @return the event; {@link Emitter#stats()} tells whether it was dropped
   * @throws IllegalArgumentException when the change is inconsistent (a create with fields before,
   *     a path that is not a document path, and so on); the message names the field
   */
  public ChangeEvent capture(Change change) {
    Objects.requireNonNull(change, "change");
    ChangeEvent.Builder builder =
        ChangeEvent.builder(change.op(), change.path())
            .before(change.before())
            .after(change.after())
            .commitTime(change.at() != null ? change.at() : clock.instant())
            .source(identity.changeSource())
            .userId(change.userId());
    if (change.transaction() != null) {
      builder.tx(change.transaction());
    }
    ChangeEvent event = builder.build();
    emitter.emit(event);
    return event;
  }

  /**
   * Delivers every change event of {@code collection} published from now on to {@code listener}, on
   * one Firetap thread, in publication order. Delivery is at most once: events published while the
   * subscriber is disconnected are not replayed (use a handler on the stream for that).
   *
   * @return the subscription, subscribed on return; close it to unsubscribe
   * @throws io.lettuce.core.RedisException when Redis cannot be reached
   */
  public Subscription subscribe(String collection, Consumer<ChangeEvent> listener) {
    return subscriptions.subscribe(
        Objects.requireNonNull(collection, "collection"),
        Objects.requireNonNull(listener, "listener"));
  }

  /** Like {@link #subscribe}, for the change events of every collection. */
  public Subscription subscribeAll(Consumer<ChangeEvent> listener) {
    return subscriptions.subscribeAll(Objects.requireNonNull(listener, "listener"));
  }
}

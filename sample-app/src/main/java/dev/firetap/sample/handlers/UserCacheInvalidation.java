package dev.firetap.sample.handlers;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnChange;
import dev.firetap.sample.SampleKeys;

/**
 * Deletes a user's cached profile when the profile changes, so the app's next read takes it from
 * Firestore. Deleting is idempotent: running an event twice does no harm.
 */
public final class UserCacheInvalidation {
  private final SampleClients clients;

  /** Created by the worker, with its shared clients. */
  public UserCacheInvalidation(HandlerContext context) {
    this.clients = SampleClients.of(context);
  }

  /** Drops the cached profile of the changed user. */
  @OnChange(
      id = "user-cache",
      collection = "users",
      ops = {Operation.UPDATE, Operation.DELETE})
  public void invalidate(ChangeEvent event) {
    clients.redis().del(SampleKeys.cachedUser(event.documentId()));
  }
}

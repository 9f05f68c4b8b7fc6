package dev.firetap.sample.handlers;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnChange;
import dev.firetap.handler.OnLog;
import dev.firetap.sample.SampleKeys;
import dev.firetap.sample.payments.PaymentDeclinedException;

/**
 * Business counters in the hash {@link SampleKeys#ANALYTICS}, each event counted once: orders,
 * ordered cents and items; games, XP and JP; authorised payments and their cents, from the
 * gateway's captured changes; declined payments, from the error log events of {@code payments.pay}.
 */
public final class AnalyticsCounters {
  private final SampleClients clients;

  /** Created by the worker, with its shared clients. */
  public AnalyticsCounters(HandlerContext context) {
    this.clients = SampleClients.of(context);
  }

  /** Counts an order. */
  @OnChange(id = "analytics-orders", collection = "orders", ops = Operation.CREATE)
  public void order(ChangeEvent event) {
    Fields order = Fields.after(event);
    long items = order.list("items").stream().mapToLong(line -> line.whole("quantity")).sum();
    new RedisIncrements()
        .hash(SampleKeys.ANALYTICS, "orders", 1)
        .hash(SampleKeys.ANALYTICS, "orderedCents", order.whole("amountCents"))
        .hash(SampleKeys.ANALYTICS, "itemsOrdered", items)
        .applyOnce(clients.redis(), "analytics-orders", event.id());
  }

  /** Counts a game. */
  @OnChange(id = "analytics-games", collection = "games", ops = Operation.CREATE)
  public void game(ChangeEvent event) {
    Fields game = Fields.after(event);
    new RedisIncrements()
        .hash(SampleKeys.ANALYTICS, "games", 1)
        .hash(SampleKeys.ANALYTICS, "xpEarned", game.whole("xpEarned"))
        .hash(SampleKeys.ANALYTICS, "jpEarned", game.whole("jpEarned"))
        .applyOnce(clients.redis(), "analytics-games", event.id());
  }

  /** Counts a payment the gateway authorised. */
  @OnChange(id = "analytics-payments", collection = "payments", ops = Operation.CREATE)
  public void payment(ChangeEvent event) {
    new RedisIncrements()
        .hash(SampleKeys.ANALYTICS, "paymentsAuthorised", 1)
        .hash(SampleKeys.ANALYTICS, "authorisedCents", Fields.after(event).whole("amountCents"))
        .applyOnce(clients.redis(), "analytics-payments", event.id());
  }

  /** Counts a declined payment; other failures of the payment endpoint are not declines. */
  @OnLog(id = "analytics-declines", level = Level.ERROR, event = "payments.pay")
  public void decline(LogEvent event) {
    if (event.error() == null
        || !event.error().type().equals(PaymentDeclinedException.class.getName())) {
      return;
    }
    new RedisIncrements()
        .hash(SampleKeys.ANALYTICS, "paymentsDeclined", 1)
        .applyOnce(clients.redis(), "analytics-declines", event.id());
  }
}

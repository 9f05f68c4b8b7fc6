package dev.firetap.sample.handlers;

import com.google.cloud.firestore.DocumentSnapshot;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnChange;
import dev.firetap.sample.messages.MessageSender;
import dev.firetap.sample.messages.OutboundMessage;
import dev.firetap.sample.messages.OutboundMessage.Channel;
import dev.firetap.sample.users.UserService;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms each new order to its user: an e-mail to the profile's address, and an SMS when the
 * profile has a verified phone number. The message id is the event id and the channel, so an event
 * that runs twice sends nothing twice. A number the SMS channel rejects fails the handler: after
 * its attempts the event waits in the dead-letter stream until the profile is fixed and it is
 * replayed.
 */
public final class OrderNotifications {
  private static final Logger log = LoggerFactory.getLogger(OrderNotifications.class);

  private final SampleClients clients;

  /** Created by the worker, with its shared clients. */
  public OrderNotifications(HandlerContext context) {
    this.clients = SampleClients.of(context);
  }

  /** Sends the confirmation e-mail. */
  @OnChange(id = "order-email", collection = "orders", ops = Operation.CREATE)
  public void email(ChangeEvent event) throws Exception {
    DocumentSnapshot user = user(event);
    String address = user.getString("email");
    if (address == null) {
      log.debug("order-email: {} has no e-mail address; nothing sent", user.getId());
      return;
    }
    String subject = "Your order " + event.documentId();
    send(new OutboundMessage(event.id() + ":email", Channel.EMAIL, address, subject, text(event)));
  }

  /** Sends the confirmation SMS to a verified number. */
  @OnChange(id = "order-sms", collection = "orders", ops = Operation.CREATE)
  public void sms(ChangeEvent event) throws Exception {
    DocumentSnapshot user = user(event);
    String number = user.getString("phoneNumber");
    if (number == null || !Boolean.TRUE.equals(user.getBoolean("phoneVerified"))) {
      log.debug("order-sms: {} has no verified phone number; nothing sent", user.getId());
      return;
    }
    send(new OutboundMessage(event.id() + ":sms", Channel.SMS, number, "", text(event)));
  }

  private DocumentSnapshot user(ChangeEvent event) throws ExecutionException, InterruptedException {
    String userId = Fields.after(event).text("userId");
    return clients.firestore().collection(UserService.COLLECTION).document(userId).get().get();
  }

  private void send(OutboundMessage message) throws Exception {
    MessageSender sender = clients.messages();
    if (!sender.send(message)) {
      log.debug("{} was sent before; not sent again", message.id());
    }
  }

  private static String text(ChangeEvent event) {
    long cents = Fields.after(event).whole("amountCents");
    return String.format(
        Locale.ROOT,
        "Thank you! Order %s for EUR %d.%02d is confirmed.",
        event.documentId(),
        cents / 100,
        cents % 100);
  }
}

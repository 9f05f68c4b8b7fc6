package dev.firetap.sample.messages;

import java.io.IOException;

/**
 * Sends e-mails and SMS. The sample's implementation is {@link FileOutbox}; a real one would call a
 * mail or SMS provider with the message id as its idempotency key.
 */
public interface MessageSender extends AutoCloseable {
  /**
   * Sends {@code message} unless a message with its id was sent before.
   *
   * @return true when it was sent now, false when it had been sent before
   * @throws RecipientRejectedException when the recipient cannot receive it; sending again will not
   *     help
   * @throws IOException when sending failed and may succeed later
   */
  boolean send(OutboundMessage message) throws IOException;

  @Override
  void close() throws IOException;
}

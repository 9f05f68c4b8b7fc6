package dev.firetap.sample.messages;

import java.util.Objects;

/**
 * An e-mail or SMS to send.
 *
 * @param id the idempotency key: a message with the id of one sent before is not sent again
 * @param channel e-mail or SMS
 * @param to the address or phone number
 * @param subject the subject of an e-mail; empty for an SMS
 * @param body the text
 */
public record OutboundMessage(String id, Channel channel, String to, String subject, String body) {
  /** How a message travels. */
  public enum Channel {
    EMAIL,
    SMS
  }

  /** Rejects nulls. */
  public OutboundMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }
}

package dev.firetap.sample.messages;

/** A message's recipient is not one its channel can deliver to. */
public final class RecipientRejectedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A rejection saying why. */
  public RecipientRejectedException(String message) {
    super(message);
  }
}

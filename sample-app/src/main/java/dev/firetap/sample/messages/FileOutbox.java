package dev.firetap.sample.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link MessageSender} that "sends" by appending each message as one JSON line to a local file,
 * the outbox. Like a provider that takes idempotency keys, it sends a message id once: the ids
 * already in the file are read at open. It checks recipients as a provider would: an e-mail address
 * needs an {@code @}, an SMS number the E.164 form {@code +<country><number>}.
 *
 * <p>Thread-safe within one process; two processes must not share a file.
 */
public final class FileOutbox implements MessageSender {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;
  private final Set<String> sent;
  private final BufferedWriter writer;

  private FileOutbox(Path file, Set<String> sent, BufferedWriter writer) {
    this.file = file;
    this.sent = sent;
    this.writer = writer;
  }

  /**
   * Opens the outbox at {@code file}, creating it and its directory when missing.
   *
   * @throws IOException when it cannot be read or created
   */
  public static FileOutbox open(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Set<String> sent = new HashSet<>();
    for (OutboundMessage message : read(absolute)) {
      sent.add(message.id());
    }
    BufferedWriter writer =
        Files.newBufferedWriter(
            absolute, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new FileOutbox(absolute, sent, writer);
  }

  /**
   * The messages in the outbox at {@code file}, oldest first; none when it does not exist.
   *
   * @throws IOException when it cannot be read or a line is not a message
   */
  public static List<OutboundMessage> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<OutboundMessage> messages = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        messages.add(MAPPER.readValue(line, OutboundMessage.class));
      }
    }
    return messages;
  }

  @Override
  public synchronized boolean send(OutboundMessage message) throws IOException {
    checkRecipient(message);
    if (sent.contains(message.id())) {
      return false;
    }
    writer.write(MAPPER.writeValueAsString(message));
    writer.newLine();
    writer.flush();
    sent.add(message.id());
    return true;
  }

  private static void checkRecipient(OutboundMessage message) {
    boolean deliverable =
        switch (message.channel()) {
          case EMAIL -> message.to().indexOf('@') > 0;
          case SMS -> E164.matcher(message.to()).matches();
        };
    if (!deliverable) {
      String expected =
          message.channel() == OutboundMessage.Channel.SMS
              ? "an E.164 number such as +4915112345678"
              : "an e-mail address";
      throw new RecipientRejectedException(
          message.channel()
              + " recipient must be "
              + expected
              + ", got '"
              + masked(message.to())
              + "'");
    }
  }

  /** The recipient with all but the first three and last two of ten or more characters hidden. */
  private static String masked(String recipient) {
    if (recipient.length() < 10) {
      return "*".repeat(recipient.length());
    }
    int hidden = recipient.length() - 5;
    return recipient.substring(0, 3) + "*".repeat(hidden) + recipient.substring(3 + hidden);
  }

  @Override
  public synchronized void close() throws IOException {
    writer.close();
  }

  @Override
  public String toString() {
    return "FileOutbox[" + file + "]";
  }
}

package dev.firetap.sample.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.sample.messages.OutboundMessage.Channel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxTest {
  @TempDir Path directory;

  @Test
  void appendsEachMessageAsOneJsonLine() throws Exception {
    Path file = directory.resolve("out/outbox.jsonl");
    OutboundMessage email = email("e1:email");

    try (FileOutbox outbox = FileOutbox.open(file)) {
      assertThat(outbox.send(email)).isTrue();
    }

    assertThat(FileOutbox.read(file)).containsExactly(email);
  }

  @Test
  void sendsAMessageIdOnceAlsoAfterReopening() throws Exception {
    Path file = directory.resolve("outbox.jsonl");
    try (FileOutbox outbox = FileOutbox.open(file)) {
      outbox.send(email("e1:email"));
    }

    boolean sentAgain;
    try (FileOutbox outbox = FileOutbox.open(file)) {
      sentAgain = outbox.send(email("e1:email"));
    }

    assertThat(sentAgain).isFalse();
    assertThat(FileOutbox.read(file)).hasSize(1);
  }

  @Test
  void rejectsAnSmsNumberNotInE164FormWithoutShowingIt() throws Exception {
    OutboundMessage sms = new OutboundMessage("e2:sms", Channel.SMS, "0151 12345678", "", "Hi");

    try (FileOutbox outbox = FileOutbox.open(directory.resolve("outbox.jsonl"))) {
      assertThatThrownBy(() -> outbox.send(sms))
          .isInstanceOf(RecipientRejectedException.class)
          .hasMessage(
              "SMS recipient must be an E.164 number such as +4915112345678, got '015********78'");
    }
  }

  @Test
  void rejectsAnEmailAddressWithoutAnAtSign() throws Exception {
    OutboundMessage email = new OutboundMessage("e3:email", Channel.EMAIL, "nobody", "S", "B");

    try (FileOutbox outbox = FileOutbox.open(directory.resolve("outbox.jsonl"))) {
      assertThatThrownBy(() -> outbox.send(email))
          .hasMessage("EMAIL recipient must be an e-mail address, got '******'");
    }
  }

  private static OutboundMessage email(String id) {
    return new OutboundMessage(id, Channel.EMAIL, "ada@example.com", "Your order", "Thanks");
  }
}

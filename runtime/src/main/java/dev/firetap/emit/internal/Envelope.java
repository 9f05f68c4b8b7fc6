package dev.firetap.emit.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One encoded event with everything needed to write it to Redis: its stream, the stream's cap, the
 * channel to publish on, the daily counter to increment, and the producer sequence number that
 * makes a retried write idempotent. Envelopes are what the spool stores, so a restarted process can
 * deliver them without the configuration or the event classes that made them.
 *
 * @param channel empty when the event is not published
 * @param statsKey empty when the event is not counted
 * @param statsField the hash field to count under; empty when not counted
 */
record Envelope(
    String stream,
    long maxLen,
    String channel,
    String statsKey,
    String statsField,
    String producerId,
    long sequence,
    byte[] json) {
  private static final int FORMAT_VERSION = 1;

  boolean published() {
    return !channel.isEmpty();
  }

  boolean counted() {
    return !statsKey.isEmpty();
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length + 128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeUTF(stream);
      out.writeLong(maxLen);
      out.writeUTF(channel);
      out.writeUTF(statsKey);
      out.writeUTF(statsField);
      out.writeUTF(producerId);
      out.writeLong(sequence);
      out.writeInt(json.length);
      out.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads an envelope written by {@link #toBytes}; throws IOException when the bytes are not one.
   */
  static Envelope fromBytes(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    int version = in.readUnsignedByte();
    if (version != FORMAT_VERSION) {
      throw new IOException("spooled envelope has format version " + version + ", expected 1");
    }
    String stream = in.readUTF();
    long maxLen = in.readLong();
    String channel = in.readUTF();
    String statsKey = in.readUTF();
    String statsField = in.readUTF();
    String producerId = in.readUTF();
    long sequence = in.readLong();
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    return new Envelope(stream, maxLen, channel, statsKey, statsField, producerId, sequence, json);
  }

  @Override
  public String toString() {
    // Never the JSON: it may carry document contents.
    return "Envelope[" + stream + " #" + sequence + ", " + json.length + " bytes]";
  }
}

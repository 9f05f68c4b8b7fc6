package dev.firetap.redis;

import dev.firetap.event.Level;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The names of every Redis key and channel Firetap uses, under one configurable prefix.
 *
 * <p>With the default prefix {@code firetap}: change streams {@code firetap:cdc:<collectionId>},
 * log streams {@code firetap:logs:<level>}, daily counts {@code firetap:stats:<yyyy-MM-dd>} and the
 * real-time channels {@code firetap:changes:<collectionId>}.
 */
public record StreamKeys(String prefix) {
  /** Creates the key names for {@code prefix}; throws NullPointerException when it is null. */
  public StreamKeys {
    Objects.requireNonNull(prefix, "prefix");
  }

  /** The stream of change events for documents whose parent collection id is {@code collection}. */
  public String changeStream(String collection) {
    return prefix + ":cdc:" + collection;
  }

  /** The capped stream of log events of {@code level}. */
  public String logStream(Level level) {
    return prefix + ":logs:" + level.wireName();
  }

  /** The SCAN pattern that matches the change streams of every collection. */
  public String allChangeStreams() {
    return prefix + ":cdc:*";
  }

  /** The SCAN pattern that matches the log streams of every level. */
  public String allLogStreams() {
    return prefix + ":logs:*";
  }

  /** The hash of per-level log counts (plus {@code total}) for one UTC date. */
  public String statsKey(LocalDate date) {
    return prefix + ":stats:" + date;
  }

  /** The Pub/Sub channel on which each change event of {@code collection} is published. */
  public String changeChannel(String collection) {
    return prefix + ":changes:" + collection;
  }

  /** The Pub/Sub pattern that matches the change channels of every collection. */
  public String allChangeChannels() {
    return prefix + ":changes:*";
  }

  /** The collection id of a channel named by {@link #changeChannel}. */
  public String collectionOfChannel(String channel) {
    return channel.substring(prefix.length() + ":changes:".length());
  }

  /**
   * The key holding the last sequence number one producer wrote to {@code stream}. The hash tag
   * keeps it in the stream's cluster slot, so one script can update both.
   */
  public String producerSequence(String stream, String producerId) {
    return prefix + ":seq:{" + stream + "}:" + producerId;
  }
}

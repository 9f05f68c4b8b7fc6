package dev.firetap.redis;

import dev.firetap.event.Level;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The names of every Redis key and channel Firetap uses, under one configurable prefix.
 *
 * <p>With the default prefix {@code firetap}: change streams {@code firetap:cdc:<collectionId>},
 * log streams {@code firetap:logs:<level>}, daily counts {@code firetap:stats:<yyyy-MM-dd>} and the
 * real-time channels {@code firetap:changes:<collectionId>}.
 *
 * <p>With {@code cdcShards} N above 1, a collection's change events are spread over N streams
 * {@code firetap:cdc:<collectionId>:<k>}, k from 0 to N-1 chosen by {@link #shardOf}, so that one
 * document always lands on one stream. In a cluster, each log level's daily counts have their own
 * key in the slot of the level's stream, {@code firetap:stats:{firetap:logs:<level>}:<yyyy-MM-dd>},
 * so that one script can write an event and count it.
 *
 * @param prefix the first segment of every key
 * @param cluster whether Redis is a cluster
 * @param cdcShards the number of change streams per collection, at least 1
 */
public record StreamKeys(String prefix, boolean cluster, int cdcShards) {
  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if prefix is null
   * @throws IllegalArgumentException if cdcShards is below 1
   */
  public StreamKeys {
    Objects.requireNonNull(prefix, "prefix");
    if (cdcShards < 1) {
      throw new IllegalArgumentException("firetap.cdc.shards must be at least 1, got " + cdcShards);
    }
  }

  /** The key names for {@code prefix} on one Redis server with one stream per collection. */
  public StreamKeys(String prefix) {
    this(prefix, false, 1);
  }

  /**
   * The stream of change events for documents whose parent collection id is {@code collection}; its
   * first shard's name prefix when there are several.
   */
  public String changeStream(String collection) {
    return prefix + ":cdc:" + collection;
  }

  /** The stream that holds the change events of the document at {@code documentPath}. */
  public String changeStream(String collection, String documentPath) {
    if (cdcShards == 1) {
      return changeStream(collection);
    }
    return changeStream(collection) + ":" + shardOf(documentPath);
  }

  /** Every change stream of {@code collection}: one, or one per shard in shard order. */
  public List<String> changeStreams(String collection) {
    if (cdcShards == 1) {
      return List.of(changeStream(collection));
    }
    List<String> streams = new ArrayList<>(cdcShards);
    for (int shard = 0; shard < cdcShards; shard++) {
      streams.add(changeStream(collection) + ":" + shard);
    }
    return streams;
  }

  /**
   * The shard of a document: the CRC-32 of its UTF-8 path modulo the shard count. Stable across
   * processes, versions and platforms, so every emitter sends a document's events to one stream.
   */
  public int shardOf(String documentPath) {
    CRC32 crc = new CRC32();
    crc.update(documentPath.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % cdcShards);
  }

  /** The collection id of a change stream, without the shard number when there are shards. */
  public String collectionOfStream(String stream) {
    String collection = stream.substring(prefix.length() + ":cdc:".length());
    if (cdcShards == 1) {
      return collection;
    }
    int colon = collection.lastIndexOf(':');
    return colon < 0 ? collection : collection.substring(0, colon);
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

  /**
   * The hash that counts the log events of {@code level} for one UTC date: {@link
   * #statsKey(LocalDate)} on one server, the level's own key in the slot of its stream in a
   * cluster.
   */
  public String statsKey(LocalDate date, Level level) {
    if (!cluster) {
      return statsKey(date);
    }
    return prefix + ":stats:{" + logStream(level) + "}:" + date;
  }

  /** The hashes whose counts add up to one UTC date's counts. */
  public List<String> statsKeys(LocalDate date) {
    if (!cluster) {
      return List.of(statsKey(date));
    }
    return Arrays.stream(Level.values()).map(level -> statsKey(date, level)).toList();
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

package dev.firetap.handler.internal;

/**
 * One entry of a batch with its decoding, as handed to the thread of its partition.
 *
 * @param entry the stream entry
 * @param decoding the entry decoded for the handler
 */
record BatchEntry(StreamEntry entry, Decoding decoding) {
  /** What orders this entry among others of the batch. */
  String partitionKey() {
    return decoding.partitionKey(entry);
  }
}

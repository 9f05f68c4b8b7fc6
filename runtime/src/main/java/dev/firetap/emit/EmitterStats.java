package dev.firetap.emit;

import java.time.Instant;

/**
 * A snapshot of an emitter's counters.
 *
 * @param emitted events written to Redis since this emitter started (including events from an
 *     earlier run's spool)
 * @param queued events in the in-memory queue now
 * @param spooled events in the on-disk spool now
 * @param spoolBytes bytes the spool takes on disk now
 * @param dropped events lost since this emitter started: queue full, spool full, or not encodable
 * @param connected whether the last write to Redis succeeded
 * @param lastError the last failure to write to Redis, or null when there was none
 * @param lastErrorTime when {@code lastError} happened, or null
 */
public record EmitterStats(
    long emitted,
    long queued,
    long spooled,
    long spoolBytes,
    long dropped,
    boolean connected,
    String lastError,
    Instant lastErrorTime) {}

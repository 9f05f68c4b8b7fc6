/**
 * The Firetap event model: immutable change and log events, the JSON-shaped value mapping they
 * carry, and {@link dev.firetap.event.EventCodec}, the one place that turns them into the JSON
 * stored in the {@code event} field of every Redis stream entry. {@code docs/events.md} describes
 * the wire format.
 */
package dev.firetap.event;

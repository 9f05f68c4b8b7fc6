/**
 * The annotations application code puts on its methods: {@link dev.firetap.annotations.Logged} for
 * a log event per call, {@link dev.firetap.annotations.CaptureChange} for a change event per
 * successful call, and {@link dev.firetap.annotations.Sensitive} for values that must never be
 * written. This package has no dependencies; the Firetap runtime gives the annotations their effect
 * through AspectJ weaving or the Firetap agent.
 */
package dev.firetap.annotations;

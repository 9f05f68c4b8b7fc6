package dev.firetap.worker.scanned;

/** A class of the scanned package without handler methods, which the scan skips. */
public class NotAHandler {}

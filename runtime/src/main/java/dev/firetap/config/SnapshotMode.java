package dev.firetap.config;

import java.util.Locale;

/** How the agent fills the document images of a change event ({@code firetap.cdc.snapshots}). */
public enum SnapshotMode {
  /**
   * Reads every written document at the commit time and just before it, so before and after are the
   * exact images; two document reads per written document.
   */
  EXACT,
  /**
   * Takes after from the write request and leaves before null; no reads, but transforms and merges
   * are approximate.
   */
  NONE;

  /** The value as written in the setting, {@code exact} or {@code none}. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SnapshotMode parse(String text) {
    for (SnapshotMode mode : values()) {
      if (mode.settingValue().equalsIgnoreCase(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("not a snapshot mode");
  }
}

package dev.firetap.emit.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a spool directory is already open, in this process or in another one. */
final class SpoolLockedException extends IOException {
  SpoolLockedException(Path directory, Throwable cause) {
    super(
        "spool directory "
            + directory
            + " is already in use: another spool holds "
            + directory.resolve(SpoolFormat.LOCK_FILE)
            + "; each process needs its own spool directory",
        cause);
  }

  SpoolLockedException(Path directory) {
    this(directory, null);
  }
}

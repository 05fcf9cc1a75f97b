package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Directories for one stack run each, named by their start time and never shared by two runs. */
public final class RunDirectories {
  private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private RunDirectories() {}

  /**
   * A new, empty directory under {@code parent}, named by the time with a unique suffix: stacks
   * started in the same millisecond by tests running side by side get directories of their own.
   */
  public static Path createUnder(Path parent) {
    try {
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent.toAbsolutePath(), LocalDateTime.now().format(RUN_NAME) + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run directory under " + parent, e);
    }
  }
}

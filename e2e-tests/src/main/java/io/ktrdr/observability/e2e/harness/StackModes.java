package io.ktrdr.observability.e2e.harness;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses how the end-to-end tests get their stack: Docker Compose where a Docker engine is
 * reachable, else local processes. {@code -De2e.stack=native} or {@code -De2e.stack=compose} forces
 * one; when neither can run the start fails with what to install.
 */
public final class StackModes {
  /** The system property that forces a mode: {@value}. */
  public static final String PROPERTY = "e2e.stack";

  private StackModes() {}

  /** Starts a stack in the chosen mode. */
  public static StackHandle start(Path projectRoot, Path workDirectory) {
    requireNonNull(projectRoot, "projectRoot");
    String forced = forcedMode(System.getProperty(PROPERTY, ""));
    switch (forced) {
      case "compose":
        if (!ComposeStackHandle.dockerAvailable()) {
          throw new IllegalStateException(
              "-D" + PROPERTY + "=compose, but no Docker engine is reachable: start Docker, or run with -D" + PROPERTY + "=native");
        }
        return ComposeStackHandle.prepare(projectRoot, workDirectory.resolve("compose"));
      case "native":
        return startNative(projectRoot, "-D" + PROPERTY + "=native");
      case "":
        return ComposeStackHandle.dockerAvailable()
            ? ComposeStackHandle.prepare(projectRoot, workDirectory.resolve("compose"))
            : startNative(projectRoot, "no Docker engine is reachable");
      default:
        throw new AssertionError(forced);
    }
  }

  /**
   * The mode {@code -De2e.stack} forces: {@code native}, {@code compose}, or empty for the automatic
   * choice.
   *
   * @throws IllegalArgumentException if {@code value} names no mode
   */
  static String forcedMode(String value) {
    String forced = value.strip().toLowerCase(Locale.ROOT);
    if (!forced.isEmpty() && !forced.equals("native") && !forced.equals("compose")) {
      throw new IllegalArgumentException("-D" + PROPERTY + " must be native or compose, not: " + forced);
    }
    return forced;
  }

  private static StackHandle startNative(Path projectRoot, String why) {
    try {
      return NativeStackHandle.start(projectRoot);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the end-to-end tests need a stack and none could be started (" + why + "; the local processes failed: "
              + e.getMessage() + ")\n"
              + "Install one of: Docker (the tests then run docker-compose.dev.yml), or Go 1.22+ on PATH "
              + "(native-stack/install.sh builds Prometheus and Jaeger from the Go module proxy into ~/.cache). "
              + "To leave the end-to-end tests out: -DskipE2E",
          e);
    }
  }
}

package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/** Command-line tools of the native install, e.g. {@code promtool} beside Prometheus. */
public final class NativeTools {
  private NativeTools() {}

  /**
   * {@code promtool} of the Prometheus release the compose file pins, installed first if missing.
   *
   * @param projectDirectory a directory at or below the project root
   */
  public static Path promtool(Path projectDirectory) {
    requireNonNull(projectDirectory, "projectDirectory");
    Path home = NativeInstall.findFrom(projectDirectory).install(EnumSet.of(Component.PROMETHEUS)).get(Component.PROMETHEUS);
    Path promtool = home.resolve("bin/promtool");
    if (!Files.isExecutable(promtool)) {
      throw new IllegalStateException("no promtool in the Prometheus install at " + home);
    }
    return promtool;
  }
}

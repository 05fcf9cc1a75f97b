package io.ktrdr.observability.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project root from a test's working directory (the module directory under Maven). */
public final class ProjectFiles {
  private ProjectFiles() {}

  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("environments/dev.yaml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no project root (with environments/dev.yaml and mvnw) above "
        + Path.of("").toAbsolutePath());
  }

  public static Path environment(String name) {
    return root().resolve("environments").resolve(name + ".yaml");
  }
}

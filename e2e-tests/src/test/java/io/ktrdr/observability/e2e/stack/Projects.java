package io.ktrdr.observability.e2e.stack;

import java.nio.file.Path;

/** Where the project is, seen from a test running in its module directory. */
final class Projects {
  private Projects() {}

  /** The project root: the directory holding {@code native-stack/}. */
  static Path root() {
    return NativeInstall.findFrom(Path.of("")).projectDirectory();
  }
}

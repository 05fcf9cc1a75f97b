package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading the logs a stack run keeps. */
final class LogFiles {
  private LogFiles() {}

  /** The last {@code lines} lines of {@code file}, or a note saying why there are none. */
  static String tail(Path file, int lines) {
    if (!Files.exists(file)) {
      return "(no log file " + file + ")";
    }
    try {
      // Lenient decoding: a log may hold bytes that are not UTF-8.
      List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      if (all.isEmpty()) {
        return "(log is empty)";
      }
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}

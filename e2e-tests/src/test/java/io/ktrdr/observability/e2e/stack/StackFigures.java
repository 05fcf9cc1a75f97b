package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints how long a stack took to start and how much memory each server holds: figures, not assertions. */
final class StackFigures {
  private StackFigures() {}

  static void print(NativeStack stack) {
    StringBuilder figures =
        new StringBuilder("native stack ready in " + stack.startupTime().toMillis() + " ms;");
    for (Component component : stack.components()) {
      figures
          .append(' ')
          .append(component.installName())
          .append(" RSS ")
          .append(residentMegabytes(stack.pid(component)))
          .append(" MB;");
    }
    System.out.println(figures.append(" run directory ").append(stack.runDirectory()));
  }

  /** VmRSS from /proc, in MB; "?" where /proc is not there to read. */
  static String residentMegabytes(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .map(line -> Long.toString(Long.parseLong(line.replaceAll("\\D", "")) / 1024))
          .findFirst()
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }
}

package io.ktrdr.observability.e2e.dashboards;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Figures of an end-to-end run, printed when the shared stack stops. */
final class RunFigures {
  private static final Map<String, String> FIGURES = new LinkedHashMap<>();

  private RunFigures() {}

  static synchronized void record(String name, Duration duration) {
    FIGURES.put(name, String.format(java.util.Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0));
  }

  static synchronized void record(String name, String value) {
    FIGURES.put(name, value);
  }

  static synchronized void record(String name, long count) {
    FIGURES.put(name, Long.toString(count));
  }

  static synchronized void print() {
    System.out.println("--- end-to-end figures ---");
    FIGURES.forEach((name, value) -> System.out.println(name + ": " + value));
  }
}

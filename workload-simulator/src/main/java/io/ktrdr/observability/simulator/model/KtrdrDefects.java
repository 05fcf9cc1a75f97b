package io.ktrdr.observability.simulator.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which KTRDR the simulator plays: the one of today, with the defects of its telemetry that the
 * contract measured, or the one once they are fixed, so that dashboards can be tested against both.
 */
public enum KtrdrDefects {
  /**
   * KTRDR as it behaves today: the backend's orphan detector fails some worker-run operations its
   * cache still holds as running (counting them failed on the backend, although their worker counts
   * them too) and takes each off the backend's {@code ktrdr_operations_active}, which never had it,
   * so that gauge goes below zero.
   */
  CURRENT("current"),
  /** KTRDR once fixed: the backend never counts worker-run operations; no gauge goes negative. */
  FIXED("fixed");

  private final String label;

  KtrdrDefects(String label) {
    this.label = label;
  }

  /** The name used in scenario files, on the command line and in the ground truth. */
  public String label() {
    return label;
  }

  public static Optional<KtrdrDefects> ofLabel(String label) {
    return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst();
  }

  /** The accepted names, for error messages. */
  public static String labels() {
    return String.join(", ", Arrays.stream(values()).map(KtrdrDefects::label).toList());
  }
}

package io.ktrdr.observability.provisioning.internal;

import java.util.SortedMap;
import java.util.TreeMap;

/** The KTRDR dashboards as JSON files named by uid, each checked by the dashboard lint first. */
public final class DashboardFiles {
  private DashboardFiles() {}

  /** File name (e.g. {@code ktrdr-system-overview.json}) to JSON text. */
  public static SortedMap<String, String> render() {
    return new TreeMap<>();
  }
}

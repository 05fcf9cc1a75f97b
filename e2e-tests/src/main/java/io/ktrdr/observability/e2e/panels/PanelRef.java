package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

/** One target of one panel: what a failure message names. */
public record PanelRef(String dashboardUid, String dashboardTitle, String panelTitle, String refId) {
  public PanelRef {
    requireNonNull(dashboardUid, "dashboardUid");
    requireNonNull(dashboardTitle, "dashboardTitle");
    requireNonNull(panelTitle, "panelTitle");
    requireNonNull(refId, "refId");
  }

  @Override
  public String toString() {
    return "dashboard '" + dashboardTitle + "', panel '" + panelTitle + "', refId " + refId;
  }
}

package io.ktrdr.observability.provisioning.environment;

/** Grafana organisation roles, as Grafana spells them. */
public enum GrafanaRole {
  VIEWER("Viewer"),
  EDITOR("Editor"),
  ADMIN("Admin");

  private final String label;

  GrafanaRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package io.ktrdr.observability.simulator.model;

/** A worker's status in the backend's registry. */
public enum WorkerStatus {
  AVAILABLE("available"),
  BUSY("busy"),
  TEMPORARILY_UNAVAILABLE("temporarily_unavailable");

  private final String label;

  WorkerStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

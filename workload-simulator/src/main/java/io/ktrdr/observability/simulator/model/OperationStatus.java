package io.ktrdr.observability.simulator.model;

/** The final statuses of an operation, the only ones that reach the counter and the histogram. */
public enum OperationStatus {
  COMPLETED("completed"),
  FAILED("failed"),
  CANCELLED("cancelled");

  private final String label;

  OperationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

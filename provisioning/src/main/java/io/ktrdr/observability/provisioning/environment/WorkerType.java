package io.ktrdr.observability.provisioning.environment;

/** The kind of work a worker does; becomes the {@code worker_type} target label. */
public enum WorkerType {
  BACKTESTING("backtesting"),
  TRAINING("training");

  private final String label;

  WorkerType(String label) {
    this.label = label;
  }

  /** The value written in environment files and in the {@code worker_type} label. */
  public String label() {
    return label;
  }
}

package io.ktrdr.observability.simulator.model;

/** The worker types KTRDR registers, with the value of the {@code worker_type} label. */
public enum WorkerType {
  BACKTESTING("backtesting", "ktrdr-backtest-worker-", "/backtests/start"),
  TRAINING("training", "ktrdr-training-worker-", "/training/start");

  private final String label;
  private final String serviceNamePrefix;
  private final String startPath;

  WorkerType(String label, String serviceNamePrefix, String startPath) {
    this.label = label;
    this.serviceNamePrefix = serviceNamePrefix;
    this.startPath = startPath;
  }

  public String label() {
    return label;
  }

  /** The trace {@code service.name} of a worker of this type with the given id. */
  public String serviceName(String workerId) {
    return serviceNamePrefix + workerId;
  }

  /** The worker endpoint the backend calls to hand over an operation. */
  public String startPath() {
    return startPath;
  }
}

package io.ktrdr.observability.simulator.model;

import java.util.Arrays;
import java.util.Optional;

/** The operation types KTRDR knows, with the label value it uses and the worker type that runs them. */
public enum OperationType {
  DATA_LOAD("data_load", null, "/api/v1/data/load"),
  TRAINING("training", WorkerType.TRAINING, "/api/v1/trainings/start"),
  BACKTESTING("backtesting", WorkerType.BACKTESTING, "/api/v1/backtests/start"),
  INDICATOR_COMPUTE("indicator_compute", null, "/api/v1/indicators/compute"),
  FUZZY_ANALYSIS("fuzzy_analysis", null, "/api/v1/fuzzy/compute"),
  DUMMY("dummy", null, "/api/v1/dummy/start"),
  AGENT_RESEARCH("agent_research", null, "/api/v1/agent/trigger"),
  AGENT_DESIGN("agent_design", null, "/api/v1/agent/design"),
  AGENT_ASSESSMENT("agent_assessment", null, "/api/v1/agent/assess");

  private final String label;
  private final WorkerType workerType;
  private final String startPath;

  OperationType(String label, WorkerType workerType, String startPath) {
    this.label = label;
    this.workerType = workerType;
    this.startPath = startPath;
  }

  /** The value of the {@code operation_type} label and {@code operation.type} attribute. */
  public String label() {
    return label;
  }

  /** The worker type that runs operations of this type; empty when the backend runs them itself. */
  public Optional<WorkerType> workerType() {
    return Optional.ofNullable(workerType);
  }

  /** The backend endpoint that starts an operation of this type. */
  public String startPath() {
    return startPath;
  }

  /** Finds a type by its label value. */
  public static Optional<OperationType> ofLabel(String label) {
    return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
  }
}

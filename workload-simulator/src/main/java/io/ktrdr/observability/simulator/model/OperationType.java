package io.ktrdr.observability.simulator.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The operation types KTRDR knows, with the label value it uses, the worker type that runs them and
 * where KTRDR counts them (contract, "Where operations are counted").
 */
public enum OperationType {
  DATA_LOAD("data_load", null, "/api/v1/data/acquire/download", CountedOn.BACKEND),
  TRAINING("training", WorkerType.TRAINING, "/api/v1/trainings/start", CountedOn.WORKERS),
  BACKTESTING("backtesting", WorkerType.BACKTESTING, "/api/v1/backtests/start", CountedOn.WORKERS),
  INDICATOR_COMPUTE("indicator_compute", null, "/api/v1/indicators/calculate", CountedOn.BACKEND),
  FUZZY_ANALYSIS("fuzzy_analysis", null, "/api/v1/fuzzy/evaluate", CountedOn.BACKEND),
  DUMMY("dummy", null, "/api/v1/dummy/start", CountedOn.BACKEND),
  AGENT_RESEARCH("agent_research", null, "/api/v1/agent/trigger", CountedOn.BACKEND),
  AGENT_DESIGN("agent_design", null, "/api/v1/agent/design", CountedOn.UNSCRAPED),
  AGENT_ASSESSMENT("agent_assessment", null, "/api/v1/agent/assess", CountedOn.UNSCRAPED);

  /** Where KTRDR creates, ends and counts operations of a type. */
  public enum CountedOn {
    /** The worker that runs the operation creates and counts it (job {@code ktrdr-workers}). */
    WORKERS("workers"),
    /** The backend creates and counts it (job {@code ktrdr-backend}). */
    BACKEND("backend"),
    /** An agent worker that no KTRDR scrape configuration includes: no scraped service shows it. */
    UNSCRAPED("unscraped");

    private final String label;

    CountedOn(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final String label;
  private final WorkerType workerType;
  private final String startPath;
  private final CountedOn countedOn;

  OperationType(String label, WorkerType workerType, String startPath, CountedOn countedOn) {
    this.label = label;
    this.workerType = workerType;
    this.startPath = startPath;
    this.countedOn = countedOn;
  }

  /** Where KTRDR counts operations of this type. */
  public CountedOn countedOn() {
    return countedOn;
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

package io.ktrdr.observability.simulator.telemetry;

import io.ktrdr.observability.simulator.model.OperationStatus;
import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.WorkerType;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Map;

/**
 * KTRDR's {@code ktrdr_*} families in one process's registry. KTRDR defines them in one module that
 * the backend and every worker import, so each process declares all five: the backend sets the
 * worker gauges from its registry, a worker never does (they stay without samples), and each
 * process's OperationsService moves the operation families for the operations it creates and ends.
 */
public final class KtrdrMetrics {

  /** Bucket bounds of {@code ktrdr_operation_duration_seconds}, in seconds. */
  public static final double[] OPERATION_DURATION_BUCKETS = {1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600};

  private final Gauge workersRegistered;
  private final Gauge workersAvailable;
  private final Gauge operationsActive;
  private final Counter operationsTotal;
  private final Histogram operationDuration;

  public KtrdrMetrics(PrometheusRegistry registry) {
    workersRegistered = Gauge.builder()
        .name("ktrdr_workers_registered_total")
        .help("Total number of registered workers")
        .labelNames("worker_type")
        .register(registry);
    workersAvailable = Gauge.builder()
        .name("ktrdr_workers_available")
        .help("Number of available workers")
        .labelNames("worker_type")
        .register(registry);
    operationsActive = Gauge.builder()
        .name("ktrdr_operations_active")
        .help("Number of currently active operations")
        .register(registry);
    operationsTotal = Counter.builder()
        .name("ktrdr_operations_total")
        .help("Total number of operations")
        .labelNames("operation_type", "status")
        .register(registry);
    operationDuration = Histogram.builder()
        .name("ktrdr_operation_duration_seconds")
        .help("Operation duration in seconds")
        .unit(Unit.SECONDS)
        .labelNames("operation_type", "status")
        .classicOnly()
        .classicUpperBounds(OPERATION_DURATION_BUCKETS)
        .register(registry);
  }

  /** This process created an operation (status pending): active +1. */
  public void operationCreated() {
    operationsActive.inc();
  }

  /** This process ended an operation it created: active -1, counted, its duration observed. */
  public void operationEnded(OperationType type, OperationStatus status, double seconds) {
    operationsActive.dec();
    count(type, status, seconds);
  }

  /**
   * The backend's orphan detector failed an operation this process never created: counted failed
   * and observed all the same, and active -1 although it never had +1 (KTRDR's defect).
   */
  public void orphanFailed(OperationType type, double seconds) {
    operationsActive.dec();
    count(type, OperationStatus.FAILED, seconds);
  }

  private void count(OperationType type, OperationStatus status, double seconds) {
    operationsTotal.labelValues(type.label(), status.label()).inc();
    operationDuration.labelValues(type.label(), status.label()).observe(seconds);
  }

  /** Sets the registry gauges, as the backend does on every registry change. */
  public void workers(Map<WorkerType, Integer> registered, Map<WorkerType, Integer> available) {
    for (WorkerType type : WorkerType.values()) {
      workersRegistered.labelValues(type.label()).set(registered.getOrDefault(type, 0));
      workersAvailable.labelValues(type.label()).set(available.getOrDefault(type, 0));
    }
  }
}

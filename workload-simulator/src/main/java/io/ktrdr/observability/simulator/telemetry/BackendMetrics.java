package io.ktrdr.observability.simulator.telemetry;

import io.ktrdr.observability.simulator.model.Operation;
import io.ktrdr.observability.simulator.model.OperationStatus;
import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.WorkerStatus;
import io.ktrdr.observability.simulator.model.WorkerType;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.ktrdr.observability.simulator.model.ModelEvent;
import io.ktrdr.observability.simulator.model.WorkerSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** KTRDR's hand-written backend metrics: workers, operations and the research agent. */
public final class BackendMetrics {

  /** Bucket bounds of {@code ktrdr_operation_duration_seconds}, in seconds. */
  public static final double[] OPERATION_DURATION_BUCKETS = {1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600};

  /** Bucket bounds of {@code agent_phase_duration_seconds}, in seconds. */
  public static final double[] AGENT_PHASE_BUCKETS = {10, 30, 60, 120, 300, 600};

  /** Bucket bounds of {@code agent_cycle_duration_seconds}, in seconds. */
  public static final double[] AGENT_CYCLE_BUCKETS = {60, 300, 600, 1200, 1800, 3600, 7200};

  private static final String[] AGENT_PHASES = {"design", "training", "backtest", "assessment"};
  private static final double[] AGENT_PHASE_SHARES = {0.1, 0.5, 0.3, 0.1};

  private final Gauge workersRegistered;
  private final Gauge workersAvailable;
  private final Gauge operationsActive;
  private final Counter operationsTotal;
  private final Histogram operationDuration;
  private final Counter agentCycles;
  private final Histogram agentCycleDuration;
  private final Histogram agentPhaseDuration;
  private final Counter agentGateResults;
  private final Counter agentTokens;
  private final Counter agentBudgetSpend;

  public BackendMetrics(PrometheusRegistry registry) {
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
    agentCycles = Counter.builder()
        .name("agent_cycles_total")
        .help("Total research cycles")
        .labelNames("outcome")
        .register(registry);
    agentCycleDuration = Histogram.builder()
        .name("agent_cycle_duration_seconds")
        .help("Research cycle duration in seconds")
        .unit(Unit.SECONDS)
        .classicOnly()
        .classicUpperBounds(AGENT_CYCLE_BUCKETS)
        .register(registry);
    agentPhaseDuration = Histogram.builder()
        .name("agent_phase_duration_seconds")
        .help("Research phase duration in seconds")
        .unit(Unit.SECONDS)
        .labelNames("phase")
        .classicOnly()
        .classicUpperBounds(AGENT_PHASE_BUCKETS)
        .register(registry);
    agentGateResults = Counter.builder()
        .name("agent_gate_results_total")
        .help("Quality gate results")
        .labelNames("gate", "result")
        .register(registry);
    agentTokens = Counter.builder()
        .name("agent_tokens_total")
        .help("Tokens used by the research agent")
        .labelNames("phase")
        .register(registry);
    agentBudgetSpend = Counter.builder()
        .name("agent_budget_spend_total")
        .help("Research agent spend in dollars")
        .register(registry);
  }

  /** Sets the registry gauges, as KTRDR does on every registry change. */
  private void workers(Map<WorkerType, Integer> registered, Map<WorkerType, Integer> available) {
    for (WorkerType type : WorkerType.values()) {
      workersRegistered.labelValues(type.label()).set(registered.getOrDefault(type, 0));
      workersAvailable.labelValues(type.label()).set(available.getOrDefault(type, 0));
    }
  }

  private void operationStarted() {
    operationsActive.inc();
  }

  /** An operation reached a final status; {@code wasActive} if it had started. */
  private void operationEnded(Operation operation, OperationStatus status, double seconds, boolean wasActive) {
    if (wasActive) {
      operationsActive.dec();
    }
    String type = operation.type().label();
    operationsTotal.labelValues(type, status.label()).inc();
    operationDuration.labelValues(type, status.label()).observe(seconds);
    if (operation.type() == OperationType.AGENT_RESEARCH) {
      agentCycleEnded(operation, status, seconds);
    }
  }

  private void agentCycleEnded(Operation operation, OperationStatus status, double seconds) {
    SplittableRandom random = new SplittableRandom(operation.detailSeed());
    agentCycles.labelValues(status.label()).inc();
    agentCycleDuration.observe(seconds);
    // A failed or cancelled cycle stops part-way: only the phases it reached are timed.
    int phasesReached = status == OperationStatus.COMPLETED ? AGENT_PHASES.length : 1 + random.nextInt(AGENT_PHASES.length);
    for (int i = 0; i < phasesReached; i++) {
      agentPhaseDuration.labelValues(AGENT_PHASES[i]).observe(seconds * AGENT_PHASE_SHARES[i]);
      if (!AGENT_PHASES[i].equals("training") && !AGENT_PHASES[i].equals("backtest")) {
        long tokens = 2_000 + random.nextInt(18_000);
        agentTokens.labelValues(AGENT_PHASES[i]).inc(tokens);
        agentBudgetSpend.inc(tokens * 0.000015);
      }
    }
    if (phasesReached >= 2) {
      agentGateResults.labelValues("training", random.nextDouble() < 0.7 ? "pass" : "fail").inc();
    }
    if (phasesReached >= 3) {
      agentGateResults.labelValues("backtest", random.nextDouble() < 0.5 ? "pass" : "fail").inc();
    }
  }

  /**
   * Moves the metrics as KTRDR's backend does when {@code event} happens; {@code statuses} is the
   * registry after the event. Live runs and history share this, so both show the same workload.
   */
  public void record(ModelEvent event, List<WorkerSpec> workers, Map<String, WorkerStatus> statuses) {
    if (event instanceof ModelEvent.OperationStarted) {
      operationStarted();
      if (((ModelEvent.OperationStarted) event).worker() != null) {
        workers(workers, statuses);
      }
    } else if (event instanceof ModelEvent.OperationRejected) {
      operationEnded(((ModelEvent.OperationRejected) event).operation(), OperationStatus.FAILED, 0.0, false);
    } else if (event instanceof ModelEvent.OperationEnded) {
      ModelEvent.OperationEnded ended = (ModelEvent.OperationEnded) event;
      operationEnded(ended.operation(), ended.status(), ended.ran().toMillis() / 1000.0, true);
    } else if (event instanceof ModelEvent.WorkerStatusChanged) {
      workers(workers, statuses);
    }
  }

  /** Sets the worker gauges from the registry's statuses. */
  public void workers(List<WorkerSpec> workers, Map<String, WorkerStatus> statuses) {
    Map<WorkerType, Integer> registered = new EnumMap<>(WorkerType.class);
    Map<WorkerType, Integer> available = new EnumMap<>(WorkerType.class);
    for (WorkerSpec spec : workers) {
      registered.merge(spec.type(), 1, Integer::sum);
      available.merge(spec.type(), statuses.get(spec.name()) == WorkerStatus.AVAILABLE ? 1 : 0, Integer::sum);
    }
    workers(registered, available);
  }

}

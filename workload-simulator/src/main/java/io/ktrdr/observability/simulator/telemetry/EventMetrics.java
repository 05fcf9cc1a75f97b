package io.ktrdr.observability.simulator.telemetry;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.simulator.model.ModelEvent;
import io.ktrdr.observability.simulator.model.Operation;
import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.OperationType.CountedOn;
import io.ktrdr.observability.simulator.model.WorkerSpec;
import io.ktrdr.observability.simulator.model.WorkerStatus;
import io.ktrdr.observability.simulator.model.WorkerType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Moves every simulated service's metrics as KTRDR's processes do when a model event happens
 * (contract, "Where operations are counted"): a worker creates, ends and counts the worker-run
 * operations it runs; the backend those it runs itself and, in today's KTRDR, the orphan detector's
 * spurious failures of worker-run ones; nobody scraped counts {@code agent_design} and {@code
 * agent_assessment}, and a refused start creates no operation anywhere. Live runs and history share
 * this, so both show the same workload.
 */
public final class EventMetrics {

  private final KtrdrMetrics backend;
  private final AgentMetrics agent;
  private final Map<String, KtrdrMetrics> workers;
  private final List<WorkerSpec> workerSpecs;

  /**
   * @param workers each started worker's metrics, by worker name
   * @param workerSpecs the workers the backend's registry knows, for its gauges
   */
  public EventMetrics(KtrdrMetrics backend, AgentMetrics agent, Map<String, KtrdrMetrics> workers, List<WorkerSpec> workerSpecs) {
    this.backend = requireNonNull(backend, "backend");
    this.agent = requireNonNull(agent, "agent");
    this.workers = Map.copyOf(workers);
    this.workerSpecs = List.copyOf(workerSpecs);
  }

  /** Applies {@code event}; {@code statuses} is the backend's registry after it. */
  public void record(ModelEvent event, Map<String, WorkerStatus> statuses) {
    if (event instanceof ModelEvent.OperationStarted) {
      ModelEvent.OperationStarted started = (ModelEvent.OperationStarted) event;
      KtrdrMetrics creator = creator(started.operation(), started.worker());
      if (creator != null) {
        creator.operationCreated();
      }
      if (started.worker() != null) {
        workers(statuses);
      }
    } else if (event instanceof ModelEvent.OperationEnded) {
      ModelEvent.OperationEnded ended = (ModelEvent.OperationEnded) event;
      KtrdrMetrics creator = creator(ended.operation(), ended.worker());
      double seconds = ended.ran().toMillis() / 1000.0;
      if (creator != null) {
        creator.operationEnded(ended.operation().type(), ended.status(), seconds);
      }
      if (ended.operation().type() == OperationType.AGENT_RESEARCH) {
        agent.cycleEnded(ended.operation(), ended.status(), seconds);
      }
    } else if (event instanceof ModelEvent.OperationOrphaned) {
      ModelEvent.OperationOrphaned orphaned = (ModelEvent.OperationOrphaned) event;
      backend.orphanFailed(orphaned.operation().type(), orphaned.sinceStart().toMillis() / 1000.0);
    } else if (event instanceof ModelEvent.WorkerStatusChanged) {
      workers(statuses);
    }
    // OperationRejected: the backend made up an id but no process created the operation.
  }

  /** The process that creates and counts {@code operation}, or null when no scraped one does. */
  private KtrdrMetrics creator(Operation operation, String worker) {
    CountedOn countedOn = operation.type().countedOn();
    if (countedOn == CountedOn.WORKERS) {
      return worker == null ? null : workers.get(worker);
    }
    return countedOn == CountedOn.BACKEND ? backend : null;
  }

  /** Sets the backend's worker gauges from the registry's statuses. */
  public void workers(Map<String, WorkerStatus> statuses) {
    Map<WorkerType, Integer> registered = new EnumMap<>(WorkerType.class);
    Map<WorkerType, Integer> available = new EnumMap<>(WorkerType.class);
    for (WorkerSpec spec : workerSpecs) {
      registered.merge(spec.type(), 1, Integer::sum);
      available.merge(spec.type(), statuses.get(spec.name()) == WorkerStatus.AVAILABLE ? 1 : 0, Integer::sum);
    }
    backend.workers(registered, available);
  }
}

package io.ktrdr.observability.simulator.live;

import io.ktrdr.observability.simulator.GroundTruth;
import io.ktrdr.observability.simulator.model.ModelEvent;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationEnded;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationOrphaned;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationRejected;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationStarted;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerEndpointChanged;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerStatusChanged;
import io.ktrdr.observability.simulator.model.Operation;
import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.OperationType.CountedOn;
import io.ktrdr.observability.simulator.model.Scenario;
import io.ktrdr.observability.simulator.model.Topology;
import io.ktrdr.observability.simulator.model.WorkerSpec;
import io.ktrdr.observability.simulator.model.WorkerStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Accumulates the ground truth from model events. Thread-safe. */
public final class GroundTruthRecorder {

  /** Status changes kept; older ones are dropped so that a long run stays bounded. */
  public static final int MAX_CHANGES = 10_000;

  private final long seed;
  private final Scenario scenario;
  private final String topologyName;
  private final double timeScale;
  private final Instant modelStart;
  private final Function<Instant, Instant> wallTimeOf;
  private final List<Topology.WorkerTarget> targets;
  private final Map<String, WorkerSpec> workers = new LinkedHashMap<>();
  private final Map<String, WorkerStatus> statuses = new LinkedHashMap<>();
  private final Map<String, Boolean> answering = new LinkedHashMap<>();
  private final Map<String, String> stoppedAt = new LinkedHashMap<>();
  private final Map<String, Long> runByWorker = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();
  private final Map<String, Map<String, Long>> countsByWorker = new TreeMap<>();
  private final Map<String, Long> rejectedByType = new TreeMap<>();
  private final Map<String, Map<String, Long>> orphans = new TreeMap<>();
  /** Operations running now: id to operation, and id to worker (absent on the backend). */
  private final Map<String, Operation> active = new LinkedHashMap<>();
  private final Map<String, String> activeWorker = new LinkedHashMap<>();
  private final Deque<GroundTruth.StatusChange> changes = new ArrayDeque<>();
  private final Deque<GroundTruth.EndpointChange> endpointChanges = new ArrayDeque<>();
  private long started;
  private long rejected;
  private long orphanFailures;
  private Instant modelTime;

  /**
   * @param topology every worker target, with the ports in use
   * @param workerSpecs the started workers, with their ids
   */
  public GroundTruthRecorder(long seed, Scenario scenario, Topology topology, double timeScale,
      Instant modelStart, List<WorkerSpec> workerSpecs, Function<Instant, Instant> wallTimeOf) {
    this.seed = seed;
    this.scenario = scenario;
    this.topologyName = topology.name();
    this.targets = topology.workers();
    this.timeScale = timeScale;
    this.modelStart = modelStart;
    this.modelTime = modelStart;
    this.wallTimeOf = wallTimeOf;
    for (WorkerSpec spec : workerSpecs) {
      workers.put(spec.name(), spec);
      statuses.put(spec.name(), WorkerStatus.AVAILABLE);
      answering.put(spec.name(), true);
      runByWorker.put(spec.name(), 0L);
    }
  }

  public synchronized void record(ModelEvent event) {
    modelTime = event.at();
    if (event instanceof OperationStarted) {
      OperationStarted e = (OperationStarted) event;
      started++;
      active.put(e.operation().id(), e.operation());
      if (e.worker() != null) {
        activeWorker.put(e.operation().id(), e.worker());
        runByWorker.merge(e.worker(), 1L, Long::sum);
      }
    } else if (event instanceof OperationRejected) {
      OperationRejected e = (OperationRejected) event;
      rejected++;
      rejectedByType.merge(e.operation().type().label(), 1L, Long::sum);
    } else if (event instanceof OperationEnded) {
      OperationEnded e = (OperationEnded) event;
      active.remove(e.operation().id());
      activeWorker.remove(e.operation().id());
      count(e.operation().type().label(), e.status().label(), e.worker());
    } else if (event instanceof OperationOrphaned) {
      OperationOrphaned e = (OperationOrphaned) event;
      orphanFailures++;
      orphans.computeIfAbsent(e.operation().type().label(), k -> new TreeMap<>()).merge(e.statusOnWorker().label(), 1L, Long::sum);
    } else if (event instanceof WorkerStatusChanged) {
      WorkerStatusChanged e = (WorkerStatusChanged) event;
      statuses.put(e.worker(), e.to());
      add(changes, new GroundTruth.StatusChange(wall(e.at()), e.at().toString(), e.worker(), e.from().label(), e.to().label(), e.reason()));
    } else if (event instanceof WorkerEndpointChanged) {
      WorkerEndpointChanged e = (WorkerEndpointChanged) event;
      answering.put(e.worker(), e.answering());
      add(endpointChanges, new GroundTruth.EndpointChange(wall(e.at()), e.at().toString(), e.worker(), e.answering()));
      targets.stream().filter(t -> t.name().equals(e.worker()) && t.stopsAt() != null && !e.answering()
          && !e.at().isBefore(modelStart.plus(t.stopsAt()))).findFirst().ifPresent(t -> stoppedAt.put(t.name(), wall(e.at())));
    }
  }

  /** Model time reached, also when no event happened. */
  public synchronized void reached(Instant time) {
    if (time.isAfter(modelTime)) {
      modelTime = time;
    }
  }

  public synchronized Instant modelTime() {
    return modelTime;
  }

  public synchronized List<String> activeOperationIds() {
    return new ArrayList<>(active.keySet());
  }

  /** Operations running on the backend itself (counted there, not handed to a worker nor to an agent worker). */
  public synchronized int activeOnBackend() {
    return (int) active.values().stream().filter(o -> o.type().countedOn() == CountedOn.BACKEND).count();
  }

  public synchronized long operationsEnded() {
    return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
  }

  public synchronized int activeOperations() {
    return active.size();
  }

  public synchronized long workersAnswering() {
    return answering.values().stream().filter(Boolean::booleanValue).count();
  }

  public synchronized GroundTruth snapshot(Instant wallNow, long spansExported, long spansDropped) {
    List<GroundTruth.OperationCount> operations = new ArrayList<>();
    counts.forEach((type, byStatus) -> byStatus.forEach((status, n) -> operations.add(new GroundTruth.OperationCount(type, status, n,
        new TreeMap<>(countsByWorker.getOrDefault(type + "/" + status, Map.of())), countedOn(type)))));
    Map<String, Long> activeByType = new TreeMap<>();
    active.values().forEach(o -> activeByType.merge(o.type().label(), 1L, Long::sum));
    List<GroundTruth.ActiveCount> activeCounts = new ArrayList<>();
    activeByType.forEach((type, n) -> activeCounts.add(new GroundTruth.ActiveCount(type, n, countedOn(type))));
    List<GroundTruth.RejectedCount> rejectedCounts = new ArrayList<>();
    rejectedByType.forEach((type, n) -> rejectedCounts.add(new GroundTruth.RejectedCount(type, n)));
    List<GroundTruth.OrphanFailure> orphanCounts = new ArrayList<>();
    orphans.forEach((type, byStatus) -> byStatus.forEach((status, n) -> orphanCounts.add(new GroundTruth.OrphanFailure(type, status, n))));
    long workersGauge = active.values().stream().filter(o -> o.type().countedOn() == CountedOn.WORKERS).count();
    GroundTruth.ActiveGauges gauges = new GroundTruth.ActiveGauges(activeOnBackend() - orphanFailures, workersGauge);

    List<GroundTruth.WorkerTruth> workerTruths = new ArrayList<>();
    for (Topology.WorkerTarget target : targets) {
      WorkerSpec spec = workers.get(target.name());
      if (spec == null) {
        workerTruths.add(new GroundTruth.WorkerTruth(target.name(), target.type().label(), null, null, target.host(),
            target.port(), "never_started", null, null, false, 0));
        continue;
      }
      String stopped = stoppedAt.get(target.name());
      workerTruths.add(new GroundTruth.WorkerTruth(target.name(), spec.type().label(), spec.id(), spec.serviceName(),
          target.host(), target.port(), stopped == null ? "running" : "stopped", stopped, statuses.get(target.name()).label(),
          answering.get(target.name()), runByWorker.get(target.name())));
    }
    return new GroundTruth(seed, scenario.name(), scenario.ktrdrDefects().label(), topologyName, timeScale,
        wallTimeOf.apply(modelStart).toString(), wallNow.toString(), modelStart.toString(), modelTime.toString(), started, active.size(),
        rejected, operations, activeCounts, rejectedCounts, orphanCounts, gauges, workerTruths, new ArrayList<>(changes),
        new ArrayList<>(endpointChanges), new GroundTruth.Spans(spansExported, spansDropped));
  }

  private static String countedOn(String type) {
    return OperationType.ofLabel(type).map(t -> t.countedOn().label()).orElse("unscraped");
  }

  private void count(String type, String status, String worker) {
    counts.computeIfAbsent(type, k -> new TreeMap<>()).merge(status, 1L, Long::sum);
    if (worker != null) {
      countsByWorker.computeIfAbsent(type + "/" + status, k -> new TreeMap<>()).merge(worker, 1L, Long::sum);
    }
  }

  private String wall(Instant modelInstant) {
    return wallTimeOf.apply(modelInstant).toString();
  }

  private static <T> void add(Deque<T> deque, T item) {
    deque.addLast(item);
    if (deque.size() > MAX_CHANGES) {
      deque.removeFirst();
    }
  }
}

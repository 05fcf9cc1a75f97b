package io.ktrdr.observability.simulator.live;

import io.ktrdr.observability.simulator.GroundTruth;
import io.ktrdr.observability.simulator.model.ModelEvent;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationEnded;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationRejected;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationStarted;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerEndpointChanged;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerStatusChanged;
import io.ktrdr.observability.simulator.model.OperationStatus;
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
  private final String scenario;
  private final double timeScale;
  private final Instant startedAt;
  private final Instant modelStart;
  private final Function<Instant, Instant> wallTimeOf;
  private final Map<String, WorkerSpec> workers = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, WorkerStatus> statuses = new LinkedHashMap<>();
  private final Map<String, Boolean> answering = new LinkedHashMap<>();
  private final Map<String, Long> runByWorker = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();
  private final Map<String, Map<String, Long>> countsByWorker = new TreeMap<>();
  private final Map<String, String> active = new LinkedHashMap<>();
  private final Deque<GroundTruth.StatusChange> changes = new ArrayDeque<>();
  private final Deque<GroundTruth.EndpointChange> endpointChanges = new ArrayDeque<>();
  private long started;
  private long rejected;
  private Instant modelTime;

  public GroundTruthRecorder(long seed, String scenario, double timeScale, Instant startedAt, Instant modelStart,
      List<WorkerSpec> workerSpecs, Map<String, Integer> workerPorts, Function<Instant, Instant> wallTimeOf) {
    this.seed = seed;
    this.scenario = scenario;
    this.timeScale = timeScale;
    this.startedAt = startedAt;
    this.modelStart = modelStart;
    this.modelTime = modelStart;
    this.wallTimeOf = wallTimeOf;
    for (WorkerSpec spec : workerSpecs) {
      workers.put(spec.name(), spec);
      statuses.put(spec.name(), WorkerStatus.AVAILABLE);
      answering.put(spec.name(), true);
      runByWorker.put(spec.name(), 0L);
      ports.put(spec.name(), workerPorts.getOrDefault(spec.name(), 0));
    }
  }

  public synchronized void record(ModelEvent event) {
    modelTime = event.at();
    if (event instanceof OperationStarted) {
      OperationStarted e = (OperationStarted) event;
      started++;
      active.put(e.operation().id(), e.worker());
      if (e.worker() != null) {
        runByWorker.merge(e.worker(), 1L, Long::sum);
      }
    } else if (event instanceof OperationRejected) {
      OperationRejected e = (OperationRejected) event;
      rejected++;
      count(e.operation().type().label(), OperationStatus.FAILED.label(), e.worker());
    } else if (event instanceof OperationEnded) {
      OperationEnded e = (OperationEnded) event;
      active.remove(e.operation().id());
      count(e.operation().type().label(), e.status().label(), e.worker());
    } else if (event instanceof WorkerStatusChanged) {
      WorkerStatusChanged e = (WorkerStatusChanged) event;
      statuses.put(e.worker(), e.to());
      add(changes, new GroundTruth.StatusChange(wall(e.at()), e.at().toString(), e.worker(), e.from().label(), e.to().label(), e.reason()));
    } else if (event instanceof WorkerEndpointChanged) {
      WorkerEndpointChanged e = (WorkerEndpointChanged) event;
      answering.put(e.worker(), e.answering());
      add(endpointChanges, new GroundTruth.EndpointChange(wall(e.at()), e.at().toString(), e.worker(), e.answering()));
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

  /** Operations running on the backend itself (not handed to a worker). */
  public synchronized int activeOnBackend() {
    return (int) active.values().stream().filter(w -> w == null).count();
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
    counts.forEach((key, byStatus) -> byStatus.forEach((status, n) -> {
      String[] typeAndStatus = {key, status};
      operations.add(new GroundTruth.OperationCount(typeAndStatus[0], status, n,
          new TreeMap<>(countsByWorker.getOrDefault(key + "/" + status, Map.of()))));
    }));
    List<GroundTruth.WorkerTruth> workerTruths = new ArrayList<>();
    workers.forEach((name, spec) -> workerTruths.add(new GroundTruth.WorkerTruth(name, spec.type().label(), spec.id(),
        spec.serviceName(), ports.get(name), statuses.get(name).label(), answering.get(name), runByWorker.get(name))));
    return new GroundTruth(seed, scenario, timeScale, startedAt.toString(), wallNow.toString(), modelStart.toString(),
        modelTime.toString(), started, active.size(), rejected, operations, workerTruths, new ArrayList<>(changes),
        new ArrayList<>(endpointChanges), new GroundTruth.Spans(spansExported, spansDropped));
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

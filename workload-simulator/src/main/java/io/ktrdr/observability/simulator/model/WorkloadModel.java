package io.ktrdr.observability.simulator.model;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.simulator.model.ModelEvent.OperationOrphaned;

import io.ktrdr.observability.simulator.model.ModelEvent.OperationEnded;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationRejected;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationStarted;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerEndpointChanged;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The workload of a KTRDR backend and its workers as a discrete-event simulation in model time.
 *
 * <p>Pure and single-threaded: the same seed, scenario, start and workers give the same events, in
 * the same order, whether the run is live (driven by a scaled wall clock) or history (driven as
 * fast as it goes). Not thread-safe; the caller serialises access.
 */
public final class WorkloadModel {

  /** The backend health-checks each worker this often (model time). */
  public static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(10);

  /** Failed health checks in a row before the backend marks a worker temporarily unavailable. */
  public static final int FAILED_CHECKS_BEFORE_UNAVAILABLE = 3;

  /**
   * Share of worker-run operations a client polls while they run but not to their end, so that the
   * backend's cache still holds them as running when their worker is idle: KTRDR's orphan detector
   * then fails them on the backend ({@link KtrdrDefects#CURRENT}). Measured: 6 of 48 in 10 minutes.
   * The default of {@link Scenario#abandonedRatio()}.
   */
  public static final double ORPHAN_SHARE = 0.125;

  /** KTRDR's orphan detector looks at the backend's running operations this often (model time). */
  public static final Duration ORPHAN_CHECK_INTERVAL = Duration.ofSeconds(60);

  /** ... and fails one whose worker has been idle (or gone) at least this long. */
  public static final Duration ORPHAN_TIMEOUT = Duration.ofSeconds(60);

  private static final List<String> SYMBOLS =
      List.of("AAPL", "MSFT", "EURUSD", "GBPUSD", "USDJPY", "SPY", "QQQ", "TSLA");
  private static final List<String> TIMEFRAMES = List.of("1m", "5m", "15m", "1h", "4h", "1d");
  private static final double MIN_DURATION_SECONDS = 0.5;
  private static final double MAX_DURATION_SECONDS = 6 * 3600;

  private final Scenario scenario;
  private final Instant start;
  private final Map<String, WorkerState> workers = new LinkedHashMap<>();
  private final PriorityQueue<Pending> queue = new PriorityQueue<>();
  private final Map<OperationType, SplittableRandom> arrivalRandoms = new EnumMap<>(OperationType.class);
  private final SplittableRandom durationRandom;
  private final SplittableRandom outcomeRandom;
  private final SplittableRandom detailRandom;
  private final SplittableRandom orphanRandom;
  private final Map<String, Running> running = new HashMap<>();
  private long sequence;
  private long now;
  private long nextTimelinePeriod;

  /** Creates the model; no event happens before {@link #advanceTo}. */
  public WorkloadModel(Scenario scenario, long seed, Instant start, List<WorkerSpec> workerSpecs) {
    this(scenario, seed, start, workerSpecs, Map.of());
  }

  /**
   * Creates the model with workers that stop for good: {@code stops} gives, by worker name, when
   * (from the start) each stops answering; the backend then marks it unavailable as in an outage.
   */
  public WorkloadModel(Scenario scenario, long seed, Instant start, List<WorkerSpec> workerSpecs, Map<String, Duration> stops) {
    this.scenario = requireNonNull(scenario, "scenario");
    this.start = requireNonNull(start, "start");
    requireNonNull(workerSpecs, "workerSpecs");
    for (WorkerSpec spec : workerSpecs) {
      if (workers.put(spec.name(), new WorkerState(spec)) != null) {
        throw new IllegalArgumentException("duplicate worker name: " + spec.name());
      }
    }
    for (Scenario.Outage outage : scenario.outages()) {
      if (!workers.containsKey(outage.worker())) {
        throw new IllegalArgumentException(
            "outage names unknown worker: " + outage.worker() + " (workers: " + String.join(", ", workers.keySet()) + ")");
      }
    }
    SplittableRandom root = new SplittableRandom(seed);
    for (OperationType type : OperationType.values()) {
      arrivalRandoms.put(type, root.split());
    }
    this.durationRandom = root.split();
    this.outcomeRandom = root.split();
    this.detailRandom = root.split();
    // Split last, so that the other streams (and so the workload) are those of a model without it.
    this.orphanRandom = root.split();
    this.now = start.toEpochMilli();
    requireNonNull(stops, "stops").forEach((name, at) -> {
      WorkerState worker = workers.get(name);
      if (worker == null) {
        throw new IllegalArgumentException(
            "stop names unknown worker: " + name + " (workers: " + String.join(", ", workers.keySet()) + ")");
      }
      scheduleStop(worker, start.toEpochMilli() + at.toMillis());
    });
    for (OperationType type : OperationType.values()) {
      scheduleNextArrival(type, now);
    }
    scheduleTimeline(now);
  }

  public Scenario scenario() {
    return scenario;
  }

  public Instant start() {
    return start;
  }

  /** The model time up to which events have been produced. */
  public Instant now() {
    return Instant.ofEpochMilli(now);
  }

  /** Runs the model up to {@code target} (inclusive), handing each event to {@code sink} in order. */
  public void advanceTo(Instant target, Consumer<ModelEvent> sink) {
    requireNonNull(sink, "sink");
    long until = requireNonNull(target, "target").toEpochMilli();
    scheduleTimeline(until);
    while (true) {
      Pending next = queue.peek();
      if (next == null || next.at > until) {
        break;
      }
      queue.poll();
      now = next.at;
      next.action.accept(sink);
    }
    now = Math.max(now, until);
  }

  /** Convenience for tests and history: the events up to {@code target}. */
  public List<ModelEvent> advanceTo(Instant target) {
    List<ModelEvent> events = new ArrayList<>();
    advanceTo(target, events::add);
    return events;
  }

  /** Each worker's status in the backend's registry, by worker name. */
  public Map<String, WorkerStatus> workerStatuses() {
    Map<String, WorkerStatus> statuses = new LinkedHashMap<>();
    workers.forEach((name, state) -> statuses.put(name, state.status));
    return Collections.unmodifiableMap(statuses);
  }

  /** Whether each worker's endpoint answers, by worker name. */
  public Map<String, Boolean> workerAnswering() {
    Map<String, Boolean> answering = new LinkedHashMap<>();
    workers.forEach((name, state) -> answering.put(name, !state.endpointDown));
    return Collections.unmodifiableMap(answering);
  }

  /** Operations started and not yet ended. */
  public int activeOperations() {
    return running.size();
  }

  /** Names of the workers now running an operation. */
  public List<String> busyWorkers() {
    List<String> busy = new ArrayList<>();
    workers.forEach((name, state) -> {
      if (state.status == WorkerStatus.BUSY) {
        busy.add(name);
      }
    });
    return busy;
  }

  // ---- arrivals ----

  private void scheduleNextArrival(OperationType type, long after) {
    double baseRate = scenario.ratesPerHour().getOrDefault(type, 0.0);
    if (baseRate <= 0) {
      return;
    }
    SplittableRandom random = arrivalRandoms.get(type);
    double maxRatePerMilli = baseRate * scenario.maxRateFactor() / 3_600_000.0;
    // Thinning: candidates at the highest rate, each kept with the ratio of the rate at its time.
    long candidate = after;
    while (true) {
      candidate += Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) / maxRatePerMilli));
      double factor = scenario.phaseAt(candidate - start.toEpochMilli()).map(Scenario.Phase::rateFactor).orElse(1.0);
      if (random.nextDouble() * scenario.maxRateFactor() < factor) {
        break;
      }
    }
    schedule(candidate, sink -> {
      arrive(type, sink);
      scheduleNextArrival(type, now);
    });
  }

  private void arrive(OperationType type, Consumer<ModelEvent> sink) {
    Operation operation = newOperation(type);
    Scenario.Phase phase = scenario.phaseAt(now - start.toEpochMilli()).orElse(null);
    if (type.workerType().isEmpty()) {
      begin(operation, null, phase, 0, sink);
      return;
    }
    WorkerType workerType = type.workerType().get();
    int available = 0;
    WorkerState chosen = null;
    for (WorkerState state : workers.values()) {
      if (state.spec.type() == workerType && state.status == WorkerStatus.AVAILABLE) {
        available++;
        // Least recently handed an operation first, as a fair registry would.
        if (chosen == null || state.lastAssigned < chosen.lastAssigned) {
          chosen = state;
        }
      }
    }
    if (chosen == null) {
      sink.accept(new OperationRejected(instant(), operation, null, "no workers available"));
      return;
    }
    chosen.lastAssigned = now;
    if (chosen.endpointDown) {
      sink.accept(new OperationRejected(instant(), operation, chosen.spec.name(), "worker " + chosen.spec.name() + " did not answer"));
      setStatus(chosen, WorkerStatus.TEMPORARILY_UNAVAILABLE, "dispatch failed", sink);
      return;
    }
    begin(operation, chosen, phase, available, sink);
  }

  private void begin(Operation operation, WorkerState worker, Scenario.Phase phase, int available, Consumer<ModelEvent> sink) {
    Scenario.DurationDistribution distribution = scenario.durations().get(operation.type());
    double factor = phase == null ? 1.0 : phase.durationFactor();
    double seconds = distribution.medianSeconds() * factor * Math.exp(distribution.spread() * gaussian(durationRandom));
    seconds = Math.min(MAX_DURATION_SECONDS, Math.max(MIN_DURATION_SECONDS, seconds));

    Scenario.Outcomes outcomes = scenario.outcomes();
    if (phase != null && phase.failedRatio() != null) {
      outcomes = outcomes.withFailed(phase.failedRatio());
    }
    double draw = outcomeRandom.nextDouble();
    OperationStatus status;
    double share;
    if (draw < outcomes.completed()) {
      status = OperationStatus.COMPLETED;
      share = 1.0;
    } else if (draw < outcomes.completed() + outcomes.failed()) {
      status = OperationStatus.FAILED;
      share = 0.1 + 0.9 * outcomeRandom.nextDouble();
    } else {
      status = OperationStatus.CANCELLED;
      share = 0.05 + 0.85 * outcomeRandom.nextDouble();
    }
    long runMillis = Math.max(1, Math.round(seconds * share * 1000));

    String workerName = null;
    if (worker != null) {
      workerName = worker.spec.name();
      setStatus(worker, WorkerStatus.BUSY, "operation " + operation.id(), sink);
    }
    sink.accept(new OperationStarted(instant(), operation, workerName, available));
    // Drawn for every worker-run operation in either mode, so both modes run the same workload.
    boolean orphaned = worker != null && orphanRandom.nextDouble() < scenario.abandonedRatio();
    Running run = new Running(operation, workerName, now, orphaned);
    running.put(operation.id(), run);
    String error = status == OperationStatus.FAILED ? failureMessage(operation.type()) : null;
    schedule(now + runMillis, s -> end(run, status, error, s));
  }

  private void end(Running run, OperationStatus status, String error, Consumer<ModelEvent> sink) {
    if (running.remove(run.operation.id()) == null) {
      return; // already ended, e.g. failed when its worker was lost
    }
    sink.accept(new OperationEnded(instant(), run.operation, status, run.worker, Duration.ofMillis(now - run.startedAt), error));
    if (run.orphaned) {
      scheduleOrphanFailure(run, status);
    }
    if (run.worker != null) {
      WorkerState worker = workers.get(run.worker);
      if (worker.status == WorkerStatus.BUSY) {
        setStatus(worker, WorkerStatus.AVAILABLE, "operation " + run.operation.id() + " ended", sink);
      }
    }
  }

  // ---- outages ----

  private void scheduleTimeline(long horizon) {
    long origin = start.toEpochMilli();
    if (scenario.repeatEvery().isEmpty()) {
      if (nextTimelinePeriod == 0) {
        nextTimelinePeriod = 1;
        scheduleOutages(origin);
      }
      return;
    }
    long period = scenario.repeatEvery().get().toMillis();
    // Schedule each period's outages once the model reaches that period.
    while (origin + nextTimelinePeriod * period <= horizon) {
      scheduleOutages(origin + nextTimelinePeriod * period);
      nextTimelinePeriod++;
    }
  }

  private void scheduleOutages(long periodStart) {
    for (Scenario.Outage outage : scenario.outages()) {
      WorkerState worker = workers.get(outage.worker());
      long down = periodStart + outage.at().toMillis();
      long up = down + outage.lasting().toMillis();
      schedule(down, sink -> {
        if (worker.stopped || worker.endpointDown) {
          return;
        }
        worker.endpointDown = true;
        sink.accept(new WorkerEndpointChanged(instant(), worker.spec.name(), false));
      });
      long detected = down + HEALTH_CHECK_INTERVAL.toMillis() * FAILED_CHECKS_BEFORE_UNAVAILABLE;
      if (detected < up) {
        schedule(detected, sink -> {
          if (worker.stopped) {
            return;
          }
          if (worker.status != WorkerStatus.TEMPORARILY_UNAVAILABLE) {
            setStatus(worker, WorkerStatus.TEMPORARILY_UNAVAILABLE, FAILED_CHECKS_BEFORE_UNAVAILABLE + " health checks failed", sink);
          }
          failOperationsOn(worker, sink);
        });
      }
      schedule(up, sink -> {
        if (worker.stopped) {
          return;
        }
        worker.endpointDown = false;
        sink.accept(new WorkerEndpointChanged(instant(), worker.spec.name(), true));
        if (worker.status == WorkerStatus.TEMPORARILY_UNAVAILABLE) {
          setStatus(worker, WorkerStatus.AVAILABLE, "registered again", sink);
        }
      });
    }
  }

  private void failOperationsOn(WorkerState worker, Consumer<ModelEvent> sink) {
    List<Running> lost = new ArrayList<>();
    for (Running run : running.values()) {
      if (worker.spec.name().equals(run.worker)) {
        lost.add(run);
      }
    }
    for (Running run : lost) {
      running.remove(run.operation.id());
      sink.accept(new OperationEnded(instant(), run.operation, OperationStatus.FAILED, run.worker,
          Duration.ofMillis(now - run.startedAt), "worker " + worker.spec.name() + " became unavailable"));
      // Its worker gone, the backend's cache holds it as running until the orphan detector fails it.
      scheduleOrphanFailure(run, OperationStatus.FAILED);
    }
  }

  private void scheduleStop(WorkerState worker, long at) {
    schedule(at, sink -> {
      worker.stopped = true;
      if (!worker.endpointDown) {
        worker.endpointDown = true;
        sink.accept(new WorkerEndpointChanged(instant(), worker.spec.name(), false));
      }
    });
    schedule(at + HEALTH_CHECK_INTERVAL.toMillis() * FAILED_CHECKS_BEFORE_UNAVAILABLE, sink -> {
      setStatus(worker, WorkerStatus.TEMPORARILY_UNAVAILABLE, FAILED_CHECKS_BEFORE_UNAVAILABLE + " health checks failed", sink);
      failOperationsOn(worker, sink);
    });
  }

  // ---- KTRDR's orphan detector (today's defect) ----

  /**
   * The detector's first pass at least {@link #ORPHAN_TIMEOUT} after the operation ended on its
   * worker fails it on the backend, in {@link KtrdrDefects#CURRENT} only.
   */
  private void scheduleOrphanFailure(Running run, OperationStatus statusOnWorker) {
    if (scenario.ktrdrDefects() != KtrdrDefects.CURRENT || run.worker == null) {
      return;
    }
    long origin = start.toEpochMilli();
    long interval = ORPHAN_CHECK_INTERVAL.toMillis();
    long earliest = now + ORPHAN_TIMEOUT.toMillis() - origin;
    long at = origin + (earliest + interval - 1) / interval * interval;
    schedule(at, sink -> sink.accept(new OperationOrphaned(instant(), run.operation, run.worker, statusOnWorker,
        Duration.ofMillis(now - run.startedAt))));
  }

  // ---- helpers ----

  private void setStatus(WorkerState worker, WorkerStatus to, String reason, Consumer<ModelEvent> sink) {
    WorkerStatus from = worker.status;
    if (from == to) {
      return;
    }
    worker.status = to;
    sink.accept(new WorkerStatusChanged(instant(), worker.spec.name(), from, to, reason));
  }

  private Operation newOperation(OperationType type) {
    String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT)
        .withZone(java.time.ZoneOffset.UTC).format(instant());
    String id = "op_" + type.label() + "_" + stamp + "_" + String.format(Locale.ROOT, "%08x", detailRandom.nextInt());
    String symbol = SYMBOLS.get(detailRandom.nextInt(SYMBOLS.size()));
    String timeframe = TIMEFRAMES.get(detailRandom.nextInt(TIMEFRAMES.size()));
    return new Operation(id, type, instant(), symbol, timeframe, detailRandom.nextLong());
  }

  private static String failureMessage(OperationType type) {
    switch (type) {
      case TRAINING:
        return "training diverged: loss is NaN";
      case BACKTESTING:
        return "backtest failed: no data for requested range";
      case DATA_LOAD:
        return "data provider timeout";
      default:
        return type.label() + " failed";
    }
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private Instant instant() {
    return Instant.ofEpochMilli(now);
  }

  private void schedule(long at, Consumer<Consumer<ModelEvent>> action) {
    queue.add(new Pending(at, sequence++, action));
  }

  private static final class Pending implements Comparable<Pending> {
    final long at;
    final long seq;
    final Consumer<Consumer<ModelEvent>> action;

    Pending(long at, long seq, Consumer<Consumer<ModelEvent>> action) {
      this.at = at;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public int compareTo(Pending other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  private static final class WorkerState {
    final WorkerSpec spec;
    WorkerStatus status = WorkerStatus.AVAILABLE;
    boolean endpointDown;
    /** Stopped for good: outages no longer bring it back. */
    boolean stopped;
    long lastAssigned = Long.MIN_VALUE;

    WorkerState(WorkerSpec spec) {
      this.spec = spec;
    }
  }

  private static final class Running {
    final Operation operation;
    final String worker;
    final long startedAt;
    final boolean orphaned;

    Running(Operation operation, String worker, long startedAt, boolean orphaned) {
      this.operation = operation;
      this.worker = worker;
      this.startedAt = startedAt;
      this.orphaned = orphaned;
    }
  }
}

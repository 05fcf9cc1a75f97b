package io.ktrdr.observability.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.simulator.Simulator;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationEnded;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationRejected;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationStarted;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerEndpointChanged;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationOrphaned;
import org.junit.jupiter.api.Test;

class WorkloadModelTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final List<WorkerSpec> WORKERS = Simulator.workerSpecs(1, Topology.local().started(), Map.of());

  private static List<ModelEvent> run(Scenario scenario, long seed, Duration length) {
    return new WorkloadModel(scenario, seed, START, WORKERS).advanceTo(START.plus(length));
  }

  @Test
  void sameSeedAndScenarioGiveTheSameOperationsAndOutcomes() {
    List<ModelEvent> first = run(Scenario.named("worker-outage"), 42, Duration.ofHours(6));
    List<ModelEvent> second = run(Scenario.named("worker-outage"), 42, Duration.ofHours(6));

    assertThat(first).hasSizeGreaterThan(200).isEqualTo(second);
  }

  @Test
  void anotherSeedGivesAnotherWorkload() {
    assertThat(run(Scenario.named("steady"), 1, Duration.ofHours(2)))
        .isNotEqualTo(run(Scenario.named("steady"), 2, Duration.ofHours(2)));
  }

  @Test
  void advancingInSmallStepsGivesTheSameEventsAsOneLeap() {
    WorkloadModel stepped = new WorkloadModel(Scenario.named("burst"), 7, START, WORKERS);
    List<ModelEvent> events = new java.util.ArrayList<>();
    for (int second = 1; second <= 3 * 3600; second += 15) {
      stepped.advanceTo(START.plusSeconds(second), events::add);
    }
    stepped.advanceTo(START.plusSeconds(3 * 3600), events::add);

    assertThat(events).isEqualTo(run(Scenario.named("burst"), 7, Duration.ofHours(3)));
  }

  @Test
  void activeOperationsNeverGoNegativeAndEveryEndFollowsItsStart() {
    Map<String, Boolean> active = new HashMap<>();
    for (ModelEvent event : run(Scenario.named("error-storm"), 3, Duration.ofDays(1))) {
      if (event instanceof OperationStarted) {
        assertThat(active.put(((OperationStarted) event).operation().id(), true)).isNull();
      } else if (event instanceof OperationEnded) {
        String id = ((OperationEnded) event).operation().id();
        assertThat(active.remove(id)).as("end of %s without a start", id).isTrue();
      }
    }
  }

  @Test
  void aWorkerRunsOneOperationAtATime() {
    Map<String, String> runningOn = new HashMap<>();
    for (ModelEvent event : run(Scenario.named("burst"), 5, Duration.ofHours(12))) {
      if (event instanceof OperationStarted && ((OperationStarted) event).worker() != null) {
        OperationStarted started = (OperationStarted) event;
        assertThat(runningOn.put(started.worker(), started.operation().id()))
            .as("%s given %s while busy", started.worker(), started.operation().id()).isNull();
        assertThat(started.operation().type().workerType()).contains(WORKERS.stream()
            .filter(w -> w.name().equals(started.worker())).findFirst().orElseThrow().type());
      } else if (event instanceof OperationEnded && ((OperationEnded) event).worker() != null) {
        runningOn.remove(((OperationEnded) event).worker());
      }
    }
  }

  @Test
  void burstMultipliesArrivalsInsideItsWindow() {
    List<ModelEvent> events = run(Scenario.named("burst"), 11, Duration.ofHours(24));
    // burst: from minute 5 to 15 of every hour, rate x8.
    long inside = arrivals(events, minute -> minute >= 5 && minute < 15);
    long outside = arrivals(events, minute -> minute >= 25 && minute < 35);

    assertThat(inside).isGreaterThan(4 * outside);
  }

  @Test
  void workerOutageMarksTheWorkerUnavailableAndBringsItBack() {
    List<ModelEvent> events = run(Scenario.named("worker-outage"), 1, Duration.ofMinutes(15));

    assertThat(events).filteredOn(WorkerEndpointChanged.class::isInstance).map(WorkerEndpointChanged.class::cast)
        .extracting(e -> e.worker() + (e.answering() ? " up at " : " down at ") + e.at())
        .containsExactly(
            "backtest-worker-2 down at 2026-11-01T00:05:00Z",
            "backtest-worker-2 up at 2026-11-01T00:10:00Z");
    assertThat(events).filteredOn(WorkerStatusChanged.class::isInstance).map(WorkerStatusChanged.class::cast)
        .filteredOn(e -> e.worker().equals("backtest-worker-2"))
        .filteredOn(e -> e.to() == WorkerStatus.TEMPORARILY_UNAVAILABLE || e.from() == WorkerStatus.TEMPORARILY_UNAVAILABLE)
        .extracting(e -> e.to().label() + " at " + e.at())
        .containsExactly(
            "temporarily_unavailable at 2026-11-01T00:05:30Z",
            "available at 2026-11-01T00:10:00Z");
  }

  @Test
  void noOperationIsHandedToAWorkerWhileItIsMarkedUnavailable() {
    List<ModelEvent> events = run(Scenario.named("worker-outage"), 9, Duration.ofDays(2));
    Map<String, WorkerStatus> statuses = new HashMap<>();
    for (ModelEvent event : events) {
      if (event instanceof WorkerStatusChanged) {
        statuses.put(((WorkerStatusChanged) event).worker(), ((WorkerStatusChanged) event).to());
      } else if (event instanceof OperationStarted && ((OperationStarted) event).worker() != null) {
        // status is BUSY by now; it must have been available just before
        assertThat(statuses.get(((OperationStarted) event).worker())).isEqualTo(WorkerStatus.BUSY);
      }
    }
    assertThat(events).filteredOn(OperationEnded.class::isInstance).map(OperationEnded.class::cast)
        .filteredOn(e -> e.error() != null && e.error().contains("became unavailable")).isNotEmpty();
  }

  @Test
  void errorStormRaisesTheShareOfFailedOperations() {
    List<ModelEvent> events = run(Scenario.named("error-storm"), 4, Duration.ofDays(3));

    double inside = failedShare(events, minute -> minute >= 5 && minute < 15);
    double outside = failedShare(events, minute -> minute >= 30);

    assertThat(inside).isGreaterThan(0.45);
    assertThat(outside).isLessThan(0.25);
  }

  @Test
  void slowOperationsLengthensDurationsInsideItsWindow() {
    List<ModelEvent> events = run(Scenario.named("slow-operations"), 8, Duration.ofDays(3));

    double inside = medianSeconds(events, OperationType.BACKTESTING, minute -> minute >= 5 && minute < 25);
    double outside = medianSeconds(events, OperationType.BACKTESTING, minute -> minute >= 30);

    assertThat(inside).isGreaterThan(3 * outside);
  }

  @Test
  void withoutAvailableWorkersOperationsAreRejected() {
    Scenario flood = Scenario.builder().name("flood").ratePerHour(OperationType.TRAINING, 600).build();
    List<ModelEvent> events = run(flood, 2, Duration.ofHours(1));

    assertThat(events).filteredOn(OperationRejected.class::isInstance).map(OperationRejected.class::cast)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.error()).isEqualTo("no workers available"));
  }

  @Test
  void anOutageOfAnUnknownWorkerIsRefused() {
    Scenario scenario = Scenario.builder().name("x")
        .outage(new Scenario.Outage("gpu-worker-9", Duration.ofMinutes(1), Duration.ofMinutes(1))).build();

    assertThatThrownBy(() -> new WorkloadModel(scenario, 1, START, WORKERS))
        .hasMessage("outage names unknown worker: gpu-worker-9 (workers: backtest-worker-1, backtest-worker-2, training-worker-1, training-worker-2)");
  }

  @Test
  void todaysOrphanDetectorFailsAboutOneWorkerRunOperationInEightOnTheBackendAfterItEnded() {
    List<ModelEvent> events = run(Scenario.named("steady"), 4, Duration.ofDays(2));
    Map<String, OperationEnded> endedOnWorker = new HashMap<>();
    events.stream().filter(OperationEnded.class::isInstance).map(OperationEnded.class::cast)
        .filter(e -> e.worker() != null).forEach(e -> endedOnWorker.put(e.operation().id(), e));
    List<OperationOrphaned> orphaned = events.stream().filter(OperationOrphaned.class::isInstance)
        .map(OperationOrphaned.class::cast).toList();

    // Measured on KTRDR: 6 of 48 worker-run operations in 10 minutes.
    assertThat(orphaned.size() / (double) endedOnWorker.size()).isBetween(0.09, 0.16);
    assertThat(orphaned).allSatisfy(o -> {
      OperationEnded ended = endedOnWorker.get(o.operation().id());
      assertThat(ended).as("%s ended on its worker first", o.operation().id()).isNotNull();
      assertThat(o.worker()).isEqualTo(ended.worker());
      assertThat(o.statusOnWorker()).isEqualTo(ended.status());
      // The detector's first pass (every 60 s) at least 60 s after the end.
      assertThat(Duration.between(ended.at(), o.at())).isBetween(WorkloadModel.ORPHAN_TIMEOUT,
          WorkloadModel.ORPHAN_TIMEOUT.plus(WorkloadModel.ORPHAN_CHECK_INTERVAL));
      assertThat(Duration.between(START, o.at()).toMillis() % 60_000).isZero();
      assertThat(o.sinceStart()).isEqualTo(Duration.between(o.operation().createdAt(), o.at()));
    });
    assertThat(orphaned).extracting(OperationOrphaned::statusOnWorker).contains(OperationStatus.COMPLETED, OperationStatus.FAILED);
    assertThat(orphaned).noneMatch(o -> o.operation().type().workerType().isEmpty());
  }

  @Test
  void fixedKtrdrRunsTheSameWorkloadWithoutOrphanFailures() {
    Scenario current = Scenario.named("worker-outage");
    List<ModelEvent> today = run(current, 6, Duration.ofHours(3));
    List<ModelEvent> fixed = run(current.withKtrdrDefects(KtrdrDefects.FIXED), 6, Duration.ofHours(3));

    assertThat(today).anyMatch(OperationOrphaned.class::isInstance);
    assertThat(fixed).noneMatch(OperationOrphaned.class::isInstance);
    assertThat(fixed).isEqualTo(today.stream().filter(e -> !(e instanceof OperationOrphaned)).toList());
  }

  @Test
  void anOperationLostWithItsWorkerIsFailedOnTheBackendTooInTodaysKtrdr() {
    List<ModelEvent> events = run(Scenario.named("worker-outage"), 3, Duration.ofDays(1));
    List<String> lost = events.stream().filter(OperationEnded.class::isInstance).map(OperationEnded.class::cast)
        .filter(e -> e.error() != null && e.error().contains("became unavailable")).map(e -> e.operation().id()).toList();

    assertThat(lost).isNotEmpty();
    assertThat(events.stream().filter(OperationOrphaned.class::isInstance).map(e -> ((OperationOrphaned) e).operation().id()))
        .containsAll(lost);
  }

  @Test
  void aWorkerThatStopsForGoodIsMarkedUnavailableAndNeverReturns() {
    WorkloadModel model = new WorkloadModel(Scenario.named("worker-outage"), 5, START, WORKERS,
        Map.of("backtest-worker-2", Duration.ofMinutes(2)));
    List<ModelEvent> events = model.advanceTo(START.plus(Duration.ofHours(3)));

    assertThat(events).filteredOn(WorkerEndpointChanged.class::isInstance).map(WorkerEndpointChanged.class::cast)
        .filteredOn(e -> e.worker().equals("backtest-worker-2"))
        .extracting(e -> Duration.between(START, e.at()) + " " + e.answering()).containsExactly("PT2M false");
    assertThat(model.workerStatuses()).containsEntry("backtest-worker-2", WorkerStatus.TEMPORARILY_UNAVAILABLE);
    assertThat(model.workerAnswering()).containsEntry("backtest-worker-2", false);
    assertThat(events).filteredOn(OperationStarted.class::isInstance).map(OperationStarted.class::cast)
        .filteredOn(e -> "backtest-worker-2".equals(e.worker())).allSatisfy(e -> assertThat(e.at()).isBefore(START.plusSeconds(150)));
  }

  private static long minuteOfHour(Instant at) {
    return Duration.between(START, at).toMinutes() % 60;
  }

  private static long arrivals(List<ModelEvent> events, Predicate<Long> minute) {
    return events.stream()
        .filter(e -> e instanceof OperationStarted || e instanceof OperationRejected)
        .filter(e -> minute.test(minuteOfHour(e.at())))
        .count();
  }

  private static double failedShare(List<ModelEvent> events, Predicate<Long> minute) {
    List<OperationEnded> ended = events.stream().filter(OperationEnded.class::isInstance).map(OperationEnded.class::cast)
        .filter(e -> minute.test(minuteOfHour(e.operation().createdAt())))
        .filter(e -> e.error() == null || !e.error().contains("became unavailable"))
        .toList();
    return ended.stream().filter(e -> e.status() == OperationStatus.FAILED).count() / (double) ended.size();
  }

  private static double medianSeconds(List<ModelEvent> events, OperationType type, Predicate<Long> minute) {
    List<Long> durations = events.stream().filter(OperationEnded.class::isInstance).map(OperationEnded.class::cast)
        .filter(e -> e.operation().type() == type && e.status() == OperationStatus.COMPLETED)
        .filter(e -> minute.test(minuteOfHour(e.operation().createdAt())))
        .map(e -> e.ran().toSeconds()).sorted().toList();
    return durations.get(durations.size() / 2);
  }
}

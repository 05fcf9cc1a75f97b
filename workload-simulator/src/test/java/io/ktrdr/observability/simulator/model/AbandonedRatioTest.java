package io.ktrdr.observability.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.simulator.Simulator;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationOrphaned;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The share of worker-run operations their client abandons, a scenario knob: more orphan failures, the same workload. */
class AbandonedRatioTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final List<WorkerSpec> WORKERS = Simulator.workerSpecs(1, Topology.local().started(), Map.of());

  private static List<ModelEvent> run(Scenario scenario) {
    return new WorkloadModel(scenario, 2, START, WORKERS).advanceTo(START.plus(Duration.ofHours(6)));
  }

  private static List<OperationOrphaned> orphaned(List<ModelEvent> events) {
    return events.stream().filter(OperationOrphaned.class::isInstance).map(OperationOrphaned.class::cast).toList();
  }

  @Test
  void byDefaultOneWorkerRunOperationInEightIsAbandoned() {
    assertThat(Scenario.named("steady").abandonedRatio()).isEqualTo(WorkloadModel.ORPHAN_SHARE).isEqualTo(0.125);
    assertThat(Scenario.named("worker-outage").withKtrdrDefects(KtrdrDefects.FIXED).abandonedRatio()).isEqualTo(0.125);
  }

  @Test
  void aHigherRatioAddsOrphanFailuresAndLeavesTheWorkloadAsItWas() {
    List<ModelEvent> usual = run(Scenario.named("steady"));
    List<ModelEvent> abandoning = run(Scenario.named("steady").toBuilder().abandonedRatio(0.5).build());

    assertThat(abandoning.stream().filter(e -> !(e instanceof OperationOrphaned)).toList())
        .isEqualTo(usual.stream().filter(e -> !(e instanceof OperationOrphaned)).toList());
    assertThat(orphaned(abandoning)).containsAll(orphaned(usual));
    assertThat(orphaned(abandoning).size()).isGreaterThan(2 * orphaned(usual).size());
    assertThat(orphaned(run(Scenario.named("steady").toBuilder().abandonedRatio(0).build()))).isEmpty();
  }

  @Test
  void aScenarioFileSetsItAndABadValueIsRefusedWithItsLine() {
    Scenario scenario = ScenarioFile.parse("scenario.yaml", new StringReader("name: x\nbase: burst\nabandonedRatio: 0.5\n"));

    assertThat(scenario.abandonedRatio()).isEqualTo(0.5);
    assertThat(scenario.phases()).isEqualTo(Scenario.named("burst").phases());
    assertThatThrownBy(() -> ScenarioFile.parse("scenario.yaml", new StringReader("name: x\nabandonedRatio: 1.5\n")))
        .hasMessageStartingWith("scenario.yaml:2: abandonedRatio: ");
  }
}

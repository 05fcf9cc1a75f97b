package io.ktrdr.observability.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

  private static Scenario parse(String yaml) {
    return ScenarioFile.parse("scenario.yaml", new StringReader(yaml));
  }

  @Test
  void aFileOverridesTheSteadyValuesItNames() {
    Scenario scenario = parse(String.join("\n",
        "name: nightly",
        "repeatEvery: 2h",
        "ratesPerHour: {backtesting: 40, training: 6}",
        "durations: {training: {median: 15m, spread: 0.4}}",
        "outcomes: {completed: 0.8, failed: 0.15, cancelled: 0.05}",
        "phases:",
        "  - {at: 10m, lasting: 5m, rateFactor: 6, failedRatio: 0.5, httpErrorRatio: 0.2}",
        "outages:",
        "  - {worker: backtest-worker-1, at: 20m, lasting: 4m}"));

    assertThat(scenario.name()).isEqualTo("nightly");
    assertThat(scenario.repeatEvery()).contains(Duration.ofHours(2));
    assertThat(scenario.ratesPerHour()).containsEntry(OperationType.BACKTESTING, 40.0).containsEntry(OperationType.DATA_LOAD, 12.0);
    assertThat(scenario.durations().get(OperationType.TRAINING)).isEqualTo(new Scenario.DurationDistribution(900, 0.4));
    assertThat(scenario.outcomes()).isEqualTo(new Scenario.Outcomes(0.8, 0.15, 0.05));
    assertThat(scenario.phases()).containsExactly(new Scenario.Phase(Duration.ofMinutes(10), Duration.ofMinutes(5), 6, 1, 0.5, 0.2));
    assertThat(scenario.outages()).containsExactly(new Scenario.Outage("backtest-worker-1", Duration.ofMinutes(20), Duration.ofMinutes(4)));
  }

  @Test
  void aFileCanStartFromABuiltInScenario() {
    Scenario scenario = parse("name: my-outage\nbase: worker-outage\nhttpErrorRatio: 0.05\n");

    assertThat(scenario.outages()).isEqualTo(Scenario.named("worker-outage").outages());
    assertThat(scenario.httpErrorRatio()).isEqualTo(0.05);
  }

  @Test
  void aScenarioPlaysTodaysKtrdrUnlessItAsksForTheFixedOne() {
    assertThat(parse("name: x\n").ktrdrDefects()).isEqualTo(KtrdrDefects.CURRENT);
    assertThat(parse("name: x\nktrdrDefects: fixed\n").ktrdrDefects()).isEqualTo(KtrdrDefects.FIXED);
    assertThat(parse("name: x\nbase: burst\nktrdrDefects: fixed\n").phases()).isEqualTo(Scenario.named("burst").phases());
    assertThatThrownBy(() -> parse("name: x\nktrdrDefects: patched\n"))
        .hasMessage("scenario.yaml:2: ktrdrDefects: must be one of current, fixed, not patched");
  }

  @Test
  void aTopologyIsABuiltInOneOrAListOfWorkerTargets() {
    assertThat(parse("name: x\n").topology()).isEmpty();
    assertThat(parse("name: x\ntopology: homelab\n").topology()).contains(Topology.homelab());
    Scenario custom = parse(String.join("\n",
        "name: two-hosts",
        "topology:",
        "  - {name: backtest-worker-b1, type: backtesting, port: 5003, host: worker-host-b}",
        "  - {name: backtest-worker-b3, type: backtesting, port: 5007, started: false}",
        "  - {name: training-worker-gpu, type: training, port: 7005, stopsAt: 10m}"));

    assertThat(custom.topology().orElseThrow().workers()).containsExactly(
        new Topology.WorkerTarget("backtest-worker-b1", WorkerType.BACKTESTING, "worker-host-b", 5003, true, null),
        new Topology.WorkerTarget("backtest-worker-b3", WorkerType.BACKTESTING, "backtest-worker-b3", 5007, false, null),
        new Topology.WorkerTarget("training-worker-gpu", WorkerType.TRAINING, "training-worker-gpu", 7005, true, Duration.ofMinutes(10)));
    assertThatThrownBy(() -> parse("name: x\ntopology: datacenter\n"))
        .hasMessage("scenario.yaml:2: topology: unknown topology datacenter (built in: local, homelab)");
    assertThatThrownBy(() -> parse("name: x\ntopology:\n  - {name: a, type: gpu, port: 1}\n"))
        .hasMessage("scenario.yaml:3: topology[0].type: must be backtesting or training, not gpu");
    assertThatThrownBy(() -> parse("name: x\ntopology:\n  - {name: a, type: training, port: 1, started: false, stopsAt: 5m}\n"))
        .hasMessage("scenario.yaml:3: topology[0]: worker a can stop only if started, after a positive time: PT5M");
  }

  @Test
  void anUnknownFieldIsNamedWithItsLine() {
    assertThatThrownBy(() -> parse("name: x\nrates: {backtesting: 3}\n"))
        .hasMessage("scenario.yaml:2: rates: unknown field (allowed: abandonedRatio, base, durations, httpErrorRatio, ktrdrDefects, name, outages, outcomes, phases, ratesPerHour, repeatEvery, topology)");
  }

  @Test
  void anUnknownOperationTypeIsNamed() {
    assertThatThrownBy(() -> parse("name: x\nratesPerHour:\n  backtest: 3\n"))
        .hasMessageStartingWith("scenario.yaml:3: ratesPerHour.backtest: unknown operation type backtest (known: data_load, training, backtesting,");
  }

  @Test
  void aBadDurationIsNamed() {
    assertThatThrownBy(() -> parse("name: x\nphases:\n  - {at: soon, lasting: 5m}\n"))
        .hasMessage("scenario.yaml:3: phases[0].at: must be a duration such as 90s, 5m, 1h or a number of seconds, not soon");
  }

  @Test
  void outcomesThatDoNotSumToOneAreRefused() {
    assertThatThrownBy(() -> parse("name: x\noutcomes: {completed: 0.9, failed: 0.2, cancelled: 0}\n"))
        .hasMessageStartingWith("scenario.yaml:2: outcomes: outcome ratios must sum to 1, not 1.1");
  }

  @Test
  void aMissingFieldOfAnOutageIsNamed() {
    assertThatThrownBy(() -> parse("name: x\noutages:\n  - {at: 1m, lasting: 1m}\n"))
        .hasMessage("scenario.yaml:3: outages[0].worker: field is missing");
  }

  @Test
  void aPhaseLongerThanTheRepeatPeriodIsRefused() {
    assertThatThrownBy(() -> parse("name: x\nrepeatEvery: 10m\nphases:\n  - {at: 5m, lasting: 10m}\n"))
        .hasMessage("scenario.yaml:1: scenario: phase at PT5M lasting PT10M does not fit in repeatEvery PT10M");
  }

  @Test
  void brokenYamlIsReportedAsSuch() {
    assertThatThrownBy(() -> parse("name: [unclosed\n")).hasMessageStartingWith("scenario.yaml: not valid YAML:");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> ScenarioFile.load(java.nio.file.Path.of("no/such/scenario.yaml")))
        .hasMessage("no/such/scenario.yaml: scenario file not found");
  }
}

package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.simulator.model.KtrdrDefects;
import io.ktrdr.observability.simulator.model.Scenario;
import io.ktrdr.observability.simulator.model.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWriterTest {

  private static final Instant END = Instant.parse("2026-11-20T12:00:00Z");

  @TempDir
  Path dir;

  private HistoryWriter.Summary write(String scenario, long seed, Duration span, Path file) {
    return HistoryWriter.builder().scenario(Scenario.named(scenario)).seed(seed).end(END).span(span).build().write(file);
  }

  @Test
  void historyIsStrictOpenMetricsWithTheTargetLabelsPrometheusWouldAdd() throws Exception {
    Path file = dir.resolve("history.om");
    HistoryWriter.Summary summary = write("worker-outage", 3, Duration.ofHours(1), file);

    OpenMetricsFile history = OpenMetricsFile.check(file);

    assertThat(history.samples).isEqualTo(summary.samples());
    assertThat(history.familyTypes).containsEntry("up", "gauge").containsEntry("ktrdr_operations", "counter")
        .containsEntry("ktrdr_operation_duration_seconds", "histogram").containsEntry("ktrdr_workers_registered_total", "gauge")
        .containsEntry("ktrdr_workers_available", "gauge").containsEntry("ktrdr_operations_active", "gauge")
        .containsEntry("process_cpu_seconds", "counter").containsEntry("process_resident_memory_bytes", "gauge");
    assertThat(history.labelsOf.values()).allSatisfy(labels -> assertThat(labels)
        .containsKeys("job", "instance", "environment", "service", "service_type"));
    List<Map<String, String>> upSeries = history.labelsOf.entrySet().stream().filter(e -> e.getKey().startsWith("up{"))
        .map(Map.Entry::getValue).toList();
    assertThat(upSeries).hasSize(5).allSatisfy(labels ->
        assertThat(labels.containsKey("worker_type")).isEqualTo(labels.get("service_type").equals("worker")));
    assertThat(history.labelsOf.values()).filteredOn(l -> "ktrdr-workers".equals(l.get("job")))
        .extracting(l -> l.get("instance")).containsOnly(
            "backtest-worker-1:5003", "backtest-worker-2:5004", "training-worker-1:5005", "training-worker-2:5006");
  }

  @Test
  void businessCountersAndHistogramsCarryTheirCreatedSeriesAsALiveScrapeDoes() throws Exception {
    Path file = dir.resolve("history.om");
    write("steady", 4, Duration.ofHours(1), file);
    List<String> lines = Files.readAllLines(file);
    Map<String, Double> firstTimes = new java.util.HashMap<>();
    Map<String, Double> createdValues = new java.util.HashMap<>();
    lines.stream().filter(l -> l.startsWith("ktrdr_operations_")).forEach(line -> {
      String series = line.substring(line.indexOf('{'), line.indexOf('}') + 1);
      String[] valueAndTime = line.substring(line.indexOf('}') + 2).split(" ");
      if (line.startsWith("ktrdr_operations_total")) {
        firstTimes.putIfAbsent(series, Double.parseDouble(valueAndTime[1]));
      } else if (line.startsWith("ktrdr_operations_created")) {
        createdValues.merge(series, Double.parseDouble(valueAndTime[0]),
            (a, b) -> { assertThat(b).as("_created of %s never changes", series).isEqualTo(a); return a; });
      }
    });

    OpenMetricsFile history = OpenMetricsFile.check(file);

    // The contract promises ktrdr_operations_created beside the counter; rules read it.
    assertThat(createdValues.keySet()).isNotEmpty().isEqualTo(firstTimes.keySet());
    firstTimes.forEach((series, first) -> assertThat(createdValues.get(series))
        .as("_created of %s: when it first appears", series).isEqualTo(first));
    // As live: business counters and histograms only, not the process metrics' callbacks.
    history.familyTypes.forEach((family, type) -> assertThat(
        lines.stream().anyMatch(l -> l.startsWith(family + "_created{")))
        .as("%s (%s) has _created samples", family, type)
        .isEqualTo(!type.equals("gauge") && (family.startsWith("ktrdr_") || family.startsWith("agent_"))));
  }

  @Test
  void historyAgreesWithTheGroundTruthOfTheSameRun() throws Exception {
    Path file = dir.resolve("history.om");
    HistoryWriter.Summary summary = write("worker-outage", 3, Duration.ofHours(2), file);

    OpenMetricsFile history = OpenMetricsFile.check(file);

    GroundTruth truth = summary.groundTruth();
    long unscraped = truth.operations().stream().filter(c -> c.countedOn().equals("unscraped"))
        .mapToLong(GroundTruth.OperationCount::count).sum();
    // Every operation a scraped process ran, once, plus today's orphan detector's spurious failures.
    assertThat(truth.orphanFailuresTotal()).isPositive();
    assertThat(history.lastSum("ktrdr_operations_total"))
        .isEqualTo(truth.operationsEnded() - unscraped + truth.orphanFailuresTotal());
    assertThat(history.lastSum("ktrdr_operation_duration_seconds_count"))
        .isEqualTo(truth.operationsEnded() - unscraped + truth.orphanFailuresTotal());
    // Two hours of worker-outage: backtest-worker-2 is away from minute 5 to 10 of each hour.
    List<String> downSamples = linesOf(file).filter(l -> l.startsWith("up{") && l.contains("backtest-worker-2") && l.contains("} 0 "))
        .toList();
    assertThat(downSamples).hasSize(2 * 5 * 4);
    assertThat(summary.groundTruth().endpointChanges()).filteredOn(c -> c.worker().equals("backtest-worker-2"))
        .extracting(c -> c.at() + (c.answering() ? " up" : " down")).containsExactly(
            "2026-11-20T10:05:00Z down", "2026-11-20T10:10:00Z up", "2026-11-20T11:05:00Z down", "2026-11-20T11:10:00Z up");
  }

  @Test
  void workerRunOperationsAreOnTheirWorkersBackendLocalOnesOnTheBackendAndOrphanFailuresThereToo() throws Exception {
    // Half the worker-run operations abandoned by their client (KTRDR: one in eight): enough of
    // today's orphan failures in one hour to take the backend's gauge below zero (three hours at 1 in 8).
    Scenario abandoning = Scenario.named("steady").toBuilder().abandonedRatio(0.5).build();
    for (KtrdrDefects defects : KtrdrDefects.values()) {
      Path file = dir.resolve(defects.label() + ".om");
      HistoryWriter.Summary summary = HistoryWriter.builder().scenario(abandoning).seed(6).end(END)
          .span(Duration.ofHours(1)).ktrdrDefects(defects).build().write(file);
      OpenMetricsFile history = OpenMetricsFile.check(file);
      GroundTruth truth = summary.groundTruth();

      for (GroundTruth.OperationCount count : truth.operations()) {
        double onWorkers = lastSum(history, "ktrdr-workers", count.operationType(), count.status());
        double onBackend = lastSum(history, "ktrdr-backend", count.operationType(), count.status());
        String what = defects.label() + ": " + count.operationType() + " " + count.status();
        switch (count.countedOn()) {
          case "workers":
            assertThat(onWorkers).as(what).isEqualTo(count.count());
            long orphans = truth.orphanFailures().stream().filter(o -> o.operationType().equals(count.operationType()))
                .mapToLong(GroundTruth.OrphanFailure::count).sum();
            assertThat(onBackend).as(what).isEqualTo(count.status().equals("failed") ? orphans : 0);
            break;
          case "backend":
            assertThat(onBackend).as(what).isEqualTo(count.count());
            assertThat(onWorkers).as(what).isZero();
            break;
          default:
            assertThat(onBackend + onWorkers).as(what).isZero();
        }
      }
      double backendActive = history.lastValues.entrySet().stream()
          .filter(e -> e.getKey().startsWith("ktrdr_operations_active{") && e.getKey().contains("job=\"ktrdr-backend\""))
          .mapToDouble(Map.Entry::getValue).sum();
      assertThat(backendActive).as(defects.label()).isEqualTo(truth.activeGauges().backend());
      if (defects == KtrdrDefects.CURRENT) {
        assertThat(truth.orphanFailuresTotal()).isPositive();
        assertThat(backendActive).isNegative();
      } else {
        assertThat(truth.orphanFailures()).isEmpty();
        assertThat(backendActive).isGreaterThanOrEqualTo(0);
      }
    }
  }

  @Test
  void theHomelabHasThirteenWorkerTargetsOfWhichTheNeverStartedAreAlwaysDownAndOneStops() throws Exception {
    Path file = dir.resolve("homelab.om");
    HistoryWriter.Summary summary = HistoryWriter.builder().scenario(Scenario.named("steady")).seed(2).end(END)
        .span(Duration.ofHours(1)).topology(Topology.homelab()).build().write(file);
    OpenMetricsFile history = OpenMetricsFile.check(file);
    List<String> lines = Files.readAllLines(file);

    Map<String, Double> up = new java.util.TreeMap<>();
    history.lastValues.forEach((series, value) -> {
      if (series.startsWith("up{") && series.contains("job=\"ktrdr-workers\"")) {
        up.put(history.labelsOf.get(series).get("service"), value);
      }
    });
    assertThat(up).hasSize(13);
    assertThat(up.values().stream().filter(v -> v == 1.0)).hasSize(5);
    assertThat(summary.groundTruth().workersIn("never_started")).hasSize(7).allSatisfy(w ->
        assertThat(lines).filteredOn(l -> l.contains("service=\"" + w.name() + "\""))
            .as("%s, never started", w.name()).isNotEmpty().allMatch(l -> l.startsWith("up{") && l.contains("} 0 ")));
    assertThat(summary.groundTruth().workersIn("stopped")).extracting(GroundTruth.WorkerTruth::name)
        .containsExactly("backtest-b-5004");
    assertThat(summary.groundTruth().workersIn("stopped").get(0).stoppedAt()).isEqualTo("2026-11-20T11:10:00Z");
  }

  private static double lastSum(OpenMetricsFile history, String job, String type, String status) {
    return history.lastValues.entrySet().stream().filter(e -> e.getKey().startsWith("ktrdr_operations_total{"))
        .filter(e -> {
          Map<String, String> labels = history.labelsOf.get(e.getKey());
          return job.equals(labels.get("job")) && type.equals(labels.get("operation_type")) && status.equals(labels.get("status"));
        })
        .mapToDouble(Map.Entry::getValue).sum();
  }

  @Test
  void httpRequestDurationsFollowTheOperationsOfTheSameRun() throws Exception {
    Path file = dir.resolve("history.om");
    HistoryWriter.Summary summary = HistoryWriter.builder().scenario(Scenario.named("burst")).seed(2).end(END)
        .span(Duration.ofHours(1)).httpMetrics(true).build().write(file);

    OpenMetricsFile history = OpenMetricsFile.check(file);

    assertThat(history.familyTypes).containsEntry("http_server_duration_milliseconds", "histogram")
        .containsEntry("http_server_active_requests", "gauge").doesNotContainKey("http_server_response_size_bytes");
    double started = 0;
    double refused = 0;
    for (Map.Entry<String, Double> series : history.lastValues.entrySet()) {
      Map<String, String> labels = history.labelsOf.get(series.getKey());
      boolean startRequest = series.getKey().startsWith("http_server_duration_milliseconds_count{")
          && labels.get("http_method").equals("POST") && !labels.get("http_target").equals("/api/v1/workers/register");
      if (startRequest) {
        assertThat(labels).containsEntry("job", "ktrdr-backend").containsEntry("net_host_port", "8000");
        if (labels.get("http_status_code").equals("200")) {
          started += series.getValue();
        } else if (labels.get("http_status_code").equals("503")) {
          refused += series.getValue();
        }
      }
    }
    // Agent design and assessment start in KTRDR's agent workers, with no request to the backend.
    GroundTruth truth = summary.groundTruth();
    long startedElsewhere = truth.operations().stream().filter(c -> c.countedOn().equals("unscraped"))
        .mapToLong(GroundTruth.OperationCount::count).sum()
        + truth.active().stream().filter(a -> a.countedOn().equals("unscraped")).mapToLong(GroundTruth.ActiveCount::count).sum();
    assertThat(startedElsewhere).isPositive();
    assertThat(started).isEqualTo(truth.operationsStarted() - startedElsewhere);
    assertThat(refused).isEqualTo(summary.groundTruth().operationsRejected()).isPositive();
  }

  @Test
  void sameSeedWritesTheSameFileByteForByte() throws Exception {
    Path first = dir.resolve("a.om");
    Path second = dir.resolve("b.om");
    write("burst", 9, Duration.ofHours(1), first);
    write("burst", 9, Duration.ofHours(1), second);

    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
  }

  @Test
  void countersStartWhereTheirSeriesFirstAppearsAndNeverFall() throws Exception {
    Path file = dir.resolve("history.om");
    write("error-storm", 4, Duration.ofHours(1), file);

    OpenMetricsFile history = OpenMetricsFile.check(file);

    assertThat(history.lastValues.entrySet()).filteredOn(e -> e.getKey().startsWith("ktrdr_operations_total{"))
        .isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).isPositive());
    assertThat(history.lastValues.keySet()).anyMatch(k -> k.contains("status=\"failed\""));
  }

  @Test
  void aFailedWriteLeavesNoFileBehind() throws Exception {
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where a directory should be");

    assertThatThrownBy(() -> write("steady", 1, Duration.ofHours(1), blocked.resolve("history.om")))
        .hasMessageStartingWith("cannot write history to " + blocked.resolve("history.om"));
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("blocked");
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> HistoryWriter.builder().step(Duration.ofMillis(10))).hasMessage("step must be at least 1s: PT0.01S");
    assertThatThrownBy(() -> HistoryWriter.builder().span(Duration.ZERO)).hasMessage("span must be positive: PT0S");
    assertThatThrownBy(() -> HistoryWriter.builder().workers(Map.of())).hasMessage("workers must not be empty");
  }

  private static Stream<String> linesOf(Path file) throws Exception {
    return Files.readAllLines(file).stream();
  }
}

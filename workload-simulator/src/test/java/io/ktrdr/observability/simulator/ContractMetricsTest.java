package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scrapes every simulated endpoint and holds each family to the telemetry contract. */
class ContractMetricsTest {

  /** Types the backend creates and counts; agent_design and agent_assessment run where nobody scrapes. */
  private static final Set<String> BACKEND_TYPES = Set.of("data_load", "indicator_compute", "fuzzy_analysis", "dummy",
      "agent_research");
  private static final Set<String> WORKER_TYPES = Set.of("training", "backtesting");
  private static final Set<String> FINAL_STATUSES = Set.of("completed", "failed", "cancelled");
  private static final List<Double> OPERATION_BUCKETS = List.of(1.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0,
      1800.0, 3600.0, Double.POSITIVE_INFINITY);
  private static final List<Double> HTTP_BUCKETS = List.of(0.0, 5.0, 10.0, 25.0, 50.0, 75.0, 100.0, 250.0, 500.0,
      750.0, 1000.0, 2500.0, 5000.0, 7500.0, 10000.0, Double.POSITIVE_INFINITY);
  private static final Set<String> HTTP_LABELS = Set.of("http_method", "http_status_code", "http_target",
      "http_scheme", "http_flavor", "http_host", "net_host_port", "http_server_name");
  private static final Set<String> PROCESS_FAMILIES = Set.of("process_cpu_seconds_total",
      "process_resident_memory_bytes", "process_virtual_memory_bytes", "process_start_time_seconds",
      "process_open_fds", "process_max_fds", "python_gc_objects_collected_total",
      "python_gc_objects_uncollectable_total", "python_gc_collections_total", "python_info");
  /** Worker families: process and runtime, and the ktrdr_* families of its own OperationsService. */
  private static final Set<String> WORKER_FAMILIES = union(PROCESS_FAMILIES, Set.of("ktrdr_operations_active",
      "ktrdr_operations_total", "ktrdr_operations_created", "ktrdr_operation_duration_seconds",
      "ktrdr_operation_duration_seconds_created", "ktrdr_workers_registered_total", "ktrdr_workers_available"));
  private static final Set<String> TARGET_LABELS = Set.of("service", "service_type", "environment", "job", "instance");

  private static RunningSimulator simulator;
  private static Exposition backend;

  @BeforeAll
  static void runUntilEveryFamilyHasData() {
    simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().seed(5).scenario(TestScenarios.busy())
        .timeScale(600).spanExporter(InMemorySpanExporter.create()).build().start();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      backend = Exposition.scrape(simulator.backendMetricsUri());
      assertThat(backend.family("ktrdr_operations_total").labelValues("status")).contains("completed", "failed");
      assertThat(backend.family("agent_cycles_total").samples()).isNotEmpty();
      assertThat(backend.family("agent_gate_results_total").samples()).isNotEmpty();
      assertThat(backend.family("http_server_duration_milliseconds").labelValues("http_status_code"))
          .contains("200", "404", "503");
      assertThat(backend.family("http_server_duration_milliseconds").labelValues("http_target")).contains("/api/v1/operations");
      // The orphan detector's spurious failures have taken the backend's gauge below zero.
      assertThat(backend.family("ktrdr_operations_active").samples().get(0).value()).isNegative();
      for (String worker : simulator.workerPorts().keySet()) {
        assertThat(Exposition.scrape(simulator.workerMetricsUri(worker)).familyNames()).as(worker).containsAll(WORKER_FAMILIES);
      }
    });
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void workerGaugesCarryWorkerTypeBacktestingAndTraining() {
    for (String name : List.of("ktrdr_workers_registered_total", "ktrdr_workers_available")) {
      Exposition.Family family = backend.family(name);
      assertThat(family.type()).as(name).isEqualTo("gauge");
      assertThat(family.labelNames()).as(name).containsExactly("worker_type");
      assertThat(family.labelValues("worker_type")).as(name).containsExactly("backtesting", "training");
    }
    assertThat(backend.family("ktrdr_workers_registered_total").sum("ktrdr_workers_registered_total", Map.of("worker_type", "training")))
        .isEqualTo(2.0);
  }

  @Test
  void operationsGaugeCounterAndHistogramAreAsTheContractLists() throws Exception {
    List<Exposition> expositions = new java.util.ArrayList<>(List.of(backend));
    for (String worker : simulator.workerPorts().keySet()) {
      expositions.add(Exposition.scrape(simulator.workerMetricsUri(worker)));
    }
    for (Exposition metrics : expositions) {
      assertThat(metrics.family("ktrdr_operations_active").type()).isEqualTo("gauge");
      assertThat(metrics.family("ktrdr_operations_active").labelNames()).isEmpty();

      Exposition.Family total = metrics.family("ktrdr_operations_total");
      assertThat(total.type()).isEqualTo("counter");
      assertThat(total.labelNames()).containsExactly("operation_type", "status");
      assertThat(FINAL_STATUSES).containsAll(total.labelValues("status"));
      assertThat(metrics.family("ktrdr_operations_created").samples()).hasSameSizeAs(total.samples());

      Exposition.Family duration = metrics.family("ktrdr_operation_duration_seconds");
      assertThat(duration.type()).isEqualTo("histogram");
      assertThat(duration.labelNames()).containsExactly("operation_type", "status");
      assertThat(duration.bucketBounds()).isEqualTo(OPERATION_BUCKETS);
      assertThat(metrics.familyNames()).contains("ktrdr_operation_duration_seconds_created");
    }
  }

  @Test
  void theBackendCountsItsOwnOperationsAndTodaysOrphanDetectorsFailuresOfWorkerRunOnes() {
    Exposition.Family total = backend.family("ktrdr_operations_total");
    assertThat(union(BACKEND_TYPES, WORKER_TYPES)).containsAll(total.labelValues("operation_type"));
    assertThat(total.labelValues("operation_type")).containsAnyOf("backtesting", "training").contains("data_load");
    // A worker-run operation reaches the backend's counter only as a spurious failure.
    assertThat(total.samples()).filteredOn(s -> WORKER_TYPES.contains(s.labels().get("operation_type")))
        .isNotEmpty().allSatisfy(s -> assertThat(s.labels()).containsEntry("status", "failed"));
  }

  @Test
  void eachWorkerCountsOnlyTheOperationsOfItsTypeAndLeavesTheRegistryGaugesWithoutSamples() throws Exception {
    for (String worker : simulator.workerPorts().keySet()) {
      Exposition metrics = Exposition.scrape(simulator.workerMetricsUri(worker));
      String type = worker.startsWith("training") ? "training" : "backtesting";

      assertThat(metrics.family("ktrdr_operations_total").labelValues("operation_type")).as(worker).containsExactly(type);
      assertThat(metrics.family("ktrdr_operations_active").samples().get(0).value()).as(worker).isBetween(0.0, 1.0);
      // Declared by the module every KTRDR process imports, never set on a worker: HELP and TYPE
      // with no sample, as Python prints them, so no series.
      for (String name : List.of("ktrdr_workers_registered_total", "ktrdr_workers_available")) {
        assertThat(metrics.family(name).type()).as(worker + " " + name).isEqualTo("gauge");
        assertThat(metrics.family(name).samples()).as(worker + " " + name).isEmpty();
      }
    }
  }

  @Test
  void createdSeriesAreInSecondsAsPythonWritesThem() {
    double created = backend.family("ktrdr_operations_created").samples().get(0).value();
    assertThat(created).isBetween(1.7e9, 4e9);
  }

  @Test
  void researchAgentFamiliesAreAsTheContractLists() {
    assertThat(backend.family("agent_cycles_total").labelNames()).containsExactly("outcome");
    assertThat(FINAL_STATUSES).containsAll(backend.family("agent_cycles_total").labelValues("outcome"));
    assertThat(backend.family("agent_cycle_duration_seconds").type()).isEqualTo("histogram");
    assertThat(backend.family("agent_cycle_duration_seconds").bucketBounds())
        .containsExactly(60.0, 300.0, 600.0, 900.0, 1200.0, 1800.0, 3600.0, Double.POSITIVE_INFINITY);
    // Completed cycles only are timed.
    assertThat(backend.family("agent_cycle_duration_seconds").sum("agent_cycle_duration_seconds_count", Map.of()))
        .isEqualTo(backend.family("agent_cycles_total").sum("agent_cycles_total", Map.of("outcome", "completed")));
    assertThat(backend.family("agent_cycles_total").sum("agent_cycles_total", Map.of()))
        .isGreaterThan(backend.family("agent_cycles_total").sum("agent_cycles_total", Map.of("outcome", "completed")));
    assertThat(backend.family("agent_phase_duration_seconds").labelNames()).containsExactly("phase");
    assertThat(Set.of("designing", "training", "backtesting", "assessing"))
        .containsAll(backend.family("agent_phase_duration_seconds").labelValues("phase"));
    assertThat(backend.family("agent_tokens_total").labelValues("phase")).isSubsetOf("design", "assessment");
    assertThat(backend.family("agent_phase_duration_seconds").bucketBounds())
        .containsExactly(10.0, 30.0, 60.0, 120.0, 300.0, 600.0, Double.POSITIVE_INFINITY);
    assertThat(backend.family("agent_gate_results_total").labelNames()).containsExactly("gate", "result");
    assertThat(Set.of("training", "backtest")).containsAll(backend.family("agent_gate_results_total").labelValues("gate"));
    assertThat(Set.of("pass", "fail")).containsAll(backend.family("agent_gate_results_total").labelValues("result"));
    assertThat(backend.family("agent_tokens_total").labelNames()).containsExactly("phase");
    assertThat(backend.family("agent_budget_spend_total").type()).isEqualTo("counter");
  }

  @Test
  void httpServerMetricsUseTheOlderConventionsAndMillisecondBuckets() {
    Exposition.Family duration = backend.family("http_server_duration_milliseconds");
    assertThat(duration.type()).isEqualTo("histogram");
    assertThat(duration.labelNames()).isEqualTo(new java.util.TreeSet<>(HTTP_LABELS));
    assertThat(duration.bucketBounds()).isEqualTo(HTTP_BUCKETS);
    assertThat(duration.labelValues("http_target"))
        .contains("/api/v1/backtests/start", "/api/v1/trainings/start", "/api/v1/data/acquire/download",
            "/api/v1/operations", "/api/v1/operations/{operation_id}", "/api/v1/workers/register")
        .doesNotContain("/metrics/", "/metrics");
    assertThat(backend.family("http_server_active_requests").type()).isEqualTo("gauge");
    assertThat(backend.family("http_server_response_size_bytes").type()).isEqualTo("histogram");
    assertThat(backend.family("http_server_request_size_bytes").type()).isEqualTo("histogram");
    // KTRDR's Python exporter writes no _created series for OpenTelemetry metrics.
    assertThat(backend.familyNames()).noneMatch(name -> name.startsWith("http_server") && name.endsWith("_created"));
  }

  @Test
  void httpHostIsTheServersAddressAndHttpServerNameTheHostHeaderAsTheAsgiInstrumentationSetsThem()
      throws Exception {
    // A scrape as Prometheus sends it in the compose network: Host names the target, not the socket.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", simulator.backendPort())) {
      socket.getOutputStream().write(("GET /metrics/ HTTP/1.1\r\nHost: backend:8000\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getInputStream().readAllBytes();
    }

    // Recorded once the response is out: a later scrape shows it.
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
        Exposition.scrape(simulator.backendMetricsUri()).family("http_server_duration_milliseconds").samples())
        .as("the scrape sent with Host backend:8000")
        .anySatisfy(sample -> assertThat(sample.labels()).containsEntry("http_server_name", "backend:8000")
            .containsEntry("http_host", "127.0.0.1:" + simulator.backendPort())
            .containsEntry("net_host_port", String.valueOf(simulator.backendPort()))
            // The mounted metrics app matches no route: no http_target, as the instrumentation records it.
            .doesNotContainKey("http_target")));
  }

  @Test
  void targetInfoCarriesTheResourceAttributes() {
    assertThat(backend.family("target_info").samples().get(0).labels()).containsEntry("service_name", "ktrdr-api")
        .containsEntry("deployment_environment", "development").containsKey("service_version");
  }

  @Test
  void noSeriesCarriesALabelPrometheusAddsOrAnOpenTelemetryScope() throws Exception {
    for (URI uri : endpoints()) {
      for (Exposition.Sample sample : Exposition.scrape(uri).allSamples()) {
        assertThat(sample.labels().keySet()).as("%s at %s", sample.name(), uri)
            .doesNotContainAnyElementsOf(TARGET_LABELS).doesNotContain("otel_scope_name", "worker_id");
      }
    }
  }

  @Test
  void everyServiceExposesProcessMetricsAndWorkersOnlyTheirOperationsBeside() throws Exception {
    assertThat(backend.familyNames()).containsAll(PROCESS_FAMILIES);
    assertThat(backend.family("process_cpu_seconds_total").type()).isEqualTo("counter");
    for (String worker : simulator.workerPorts().keySet()) {
      Exposition metrics = Exposition.scrape(simulator.workerMetricsUri(worker));
      assertThat(metrics.familyNames()).as(worker).isEqualTo(WORKER_FAMILIES);
    }
  }

  @Test
  void eachServiceReportsAProcessOfItsOwn() throws Exception {
    Set<Double> memory = new java.util.HashSet<>();
    Set<Double> cpu = new java.util.HashSet<>();
    for (URI uri : endpoints()) {
      Exposition metrics = Exposition.scrape(uri);
      double resident = metrics.family("process_resident_memory_bytes").samples().get(0).value();
      assertThat(resident).as(uri.toString()).isBetween(100e6, 3e9);
      memory.add(resident);
      cpu.add(metrics.family("process_cpu_seconds_total").samples().get(0).value());
    }
    assertThat(memory).hasSize(5);
    assertThat(cpu).hasSize(5);
  }

  @Test
  void theBackendAnswersOpenMetricsWhenPrometheusAsksForIt() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(simulator.backendMetricsUri())
        .header("Accept", "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
    assertThat(response.body()).contains("# TYPE ktrdr_operations counter", "ktrdr_operations_total{").endsWith("# EOF\n");
  }

  @Test
  void theBackendPathWithoutItsSlashRedirectsAsStarletteDoes() throws Exception {
    HttpResponse<Void> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.backendPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(307);
    assertThat(response.headers().firstValue("Location")).contains("http://127.0.0.1:" + simulator.backendPort() + "/metrics/");
  }

  @Test
  void groundTruthIsServedAsJsonOnTheControlPort() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(simulator.groundTruthUri()).build(),
        HttpResponse.BodyHandlers.ofString());

    GroundTruth truth = GroundTruth.fromJson(response.body());
    assertThat(truth.seed()).isEqualTo(5);
    assertThat(truth.scenario()).isEqualTo("busy");
    assertThat(truth.workers()).extracting(GroundTruth.WorkerTruth::name)
        .containsExactly("backtest-worker-1", "backtest-worker-2", "training-worker-1", "training-worker-2");
    assertThat(truth.operationsEnded()).isPositive();
    assertThat(truth.ktrdrDefects()).isEqualTo("current");
    assertThat(truth.topology()).isEqualTo("local");
    assertThat(truth.orphanFailuresTotal()).isPositive();
  }

  private static List<URI> endpoints() {
    List<URI> uris = new java.util.ArrayList<>(List.of(simulator.backendMetricsUri()));
    simulator.workerPorts().keySet().forEach(w -> uris.add(simulator.workerMetricsUri(w)));
    return uris;
  }
}

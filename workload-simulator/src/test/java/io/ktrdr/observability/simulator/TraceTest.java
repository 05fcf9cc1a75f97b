package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One trace per operation, from the backend's server span over real HTTP into the worker's work spans. */
class TraceTest {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("operation.id");

  private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private static RunningSimulator simulator;

  @BeforeAll
  static void runUntilTrainingsAndBacktestsEnded() {
    simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().seed(11).scenario(TestScenarios.busy())
        .timeScale(600).spanExporter(spans).serviceVersion("2.3.4").build().start();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      assertThat(withWholeTrace("backtest.data_loading")).isNotEmpty();
      assertThat(withWholeTrace("training.data_loading")).isNotEmpty();
      assertThat(named("data.download")).isNotEmpty();
      assertThat(named("agent.coordinator")).isNotEmpty();
      assertThat(withWholeTrace("cli.backtest")).isNotEmpty();
      assertThat(spans.getFinishedSpanItems()).anyMatch(s -> "no_workers_available".equals(
          s.getAttributes().get(AttributeKey.stringKey("worker.selection_status"))));
    });
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void aBacktestIsOneTraceFromTheBackendIntoTheWorker() {
    SpanData work = withWholeTrace("backtest.data_loading").get(0);
    Map<String, SpanData> trace = traceOf(work);

    // The work spans sit directly under the worker's FastAPI server span.
    SpanData workerServer = parentOf(work, trace);
    SpanData client = parentOf(workerServer, trace);
    SpanData backendServer = parentOf(client, trace);

    assertThat(workerServer.getName()).isEqualTo("POST /backtests/start");
    assertThat(workerServer.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(service(workerServer)).matches("ktrdr-backtest-worker-[0-9a-f]{8}");
    assertThat(client.getName()).isEqualTo("POST");
    assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(service(client)).isEqualTo("ktrdr-api");
    assertThat(backendServer.getName()).isEqualTo("POST /api/v1/backtests/start");
    assertThat(backendServer.getKind()).isEqualTo(SpanKind.SERVER);
    if (backendServer.getParentSpanContext().isValid()) {
      assertThat(service(parentOf(backendServer, trace))).as("who started the backtest").isEqualTo("ktrdr-cli");
    }

    assertThat(childrenOf(backendServer, trace)).containsKeys("operations.create", "workers.select", "POST");
    SpanData select = childrenOf(backendServer, trace).get("workers.select");
    assertThat(select.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("worker.type"), "backtesting")
        .containsEntry(AttributeKey.stringKey("worker.selection_status"), "success")
        .containsEntry(AttributeKey.stringKey("worker.selected_id"), service(workerServer).substring("ktrdr-backtest-worker-".length()))
        .containsKey(AttributeKey.longKey("worker.available_workers"));
    SpanData create = childrenOf(backendServer, trace).get("operations.create");
    assertThat(create.getAttributes().get(AttributeKey.stringKey("operation.type"))).isEqualTo("backtesting");
    assertThat(create.getAttributes().get(OPERATION_ID)).isEqualTo(work.getAttributes().get(OPERATION_ID)).startsWith("op_backtesting_");

    assertThat(childrenOf(workerServer, trace)).containsKey("backtest.data_loading");
    assertThat(trace.values()).filteredOn(s -> s.getAttributes().get(AttributeKey.stringKey("operation.status")) != null
        && s.getParentSpanId().equals(workerServer.getSpanId()))
        .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("operation.status")))
        .singleElement().isIn("completed", "failed", "cancelled");
  }

  @Test
  void theWorkerContinuesTheTraceFromTheTraceparentHeader() {
    SpanData workerServer = withWholeTrace("POST /backtests/start").get(0);
    Map<String, SpanData> trace = traceOf(workerServer);
    SpanData client = parentOf(workerServer, trace);

    // Different services with their own tracer providers: the context crossed only over HTTP.
    assertThat(workerServer.getResource()).isNotEqualTo(client.getResource());
    assertThat(workerServer.getParentSpanContext().isRemote()).isTrue();
    assertThat(workerServer.getParentSpanContext().getSpanId()).isEqualTo(client.getSpanId());
  }

  @Test
  void aTrainingCarriesTheTrainingWorkSpans() {
    SpanData loading = withWholeTrace("training.data_loading").get(0);
    Map<String, SpanData> trace = traceOf(loading);

    SpanData workerServer = parentOf(loading, trace);
    assertThat(workerServer.getName()).isEqualTo("POST /training/start");
    assertThat(service(loading)).matches("ktrdr-training-worker-[0-9a-f]{8}");
    SpanData backendServer = trace.values().stream().filter(s -> "ktrdr-api".equals(service(s)) && s.getKind() == SpanKind.SERVER)
        .findFirst().orElseThrow();
    assertThat(backendServer.getName()).isEqualTo("POST /api/v1/trainings/start");
    assertThat(trace.values()).extracting(SpanData::getName).contains("training.start", "operations.create", "workers.select");
  }

  @Test
  void aCommandOfTheCommandLineClientIsTheRootOfTheTraceItStarts() {
    SpanData command = withWholeTrace("cli.backtest").get(0);
    Map<String, SpanData> trace = traceOf(command);
    SpanData backendServer = childrenOf(command, trace).get("POST /api/v1/backtests/start");

    assertThat(service(command)).isEqualTo("ktrdr-cli");
    assertThat(command.getParentSpanContext().isValid()).isFalse();
    assertThat(backendServer).as("the backend's server span under %s", command.getName()).isNotNull();
    assertThat(service(backendServer)).isEqualTo("ktrdr-api");
    assertThat(backendServer.getParentSpanContext().isRemote()).isTrue();
    assertThat(trace.values()).extracting(SpanData::getName).contains("operations.create", "workers.select");
    assertThat(spans.getFinishedSpanItems()).filteredOn(s -> "ktrdr-cli".equals(service(s)))
        .extracting(SpanData::getName).allMatch(name -> name.matches("cli\\.[a-z_]+"));
  }

  @Test
  void aDataLoadRunsOnTheBackendWithItsDataAttributes() {
    SpanData download = named("data.download").get(0);
    Map<String, SpanData> children = childrenOf(download, traceOf(download));

    assertThat(service(download)).isEqualTo("ktrdr-api");
    assertThat(download.getAttributes().asMap()).containsKeys(AttributeKey.stringKey("data.symbol"),
        AttributeKey.stringKey("data.timeframe"), AttributeKey.longKey("data.rows"), OPERATION_ID);
    assertThat(children).containsKeys("data.load_cache", "data.fetch", "data.parse", "operation.state_transition");
    assertThat(children.get("operation.state_transition").getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("operation.from_status"), "running")
        .containsKey(AttributeKey.stringKey("operation.to_status"));
  }

  @Test
  void aResearchCycleIsTheCoordinatorsSpanWithItsPhases() {
    SpanData coordinator = named("agent.coordinator").get(0);

    assertThat(service(coordinator)).isEqualTo("ktrdr-api");
    assertThat(childrenOf(coordinator, traceOf(coordinator))).containsKeys("agent.phase.design", "agent.phase.training",
        "agent.phase.backtest", "agent.phase.assessment");
  }

  @Test
  void everySpanCarriesTheContractsResourceAttributes() {
    assertThat(spans.getFinishedSpanItems()).allSatisfy(span -> assertThat(span.getResource().getAttributes().asMap())
        .containsKey(SERVICE_NAME)
        .containsEntry(AttributeKey.stringKey("service.version"), "2.3.4")
        .containsEntry(AttributeKey.stringKey("deployment.environment"), "development"));
    assertThat(spans.getFinishedSpanItems()).extracting(TraceTest::service).map(s -> s.replaceAll("[0-9a-f]{8}$", "<id>"))
        .contains("ktrdr-api", "ktrdr-backtest-worker-<id>", "ktrdr-training-worker-<id>", "ktrdr-cli");
  }

  /**
   * Span names that exist at KTRDR's current commit (the contract's "Spans"); FastAPI server spans,
   * httpx client spans and CLI commands by pattern. Gone from KTRDR, so never emitted:
   * {@code worker_registry.select_worker}, {@code data.load}, {@code worker.backtest}, {@code
   * worker.train}, {@code worker.training.*}, {@code agent.research_cycle}.
   */
  private static final Set<String> CONTRACT_SPANS = Set.of("operations.create", "operations.list",
      "workers.select", "workers.list", "data.load_cache", "data.download", "data.fetch", "data.parse",
      "training.start", "indicator.calculate", "operation.state_transition",
      "backtest.data_loading", "backtest.feature_compute", "training.data_loading", "training.indicators",
      "training.fuzzy_computation", "agent.coordinator", "agent.phase.design", "agent.phase.training",
      "agent.phase.backtest", "agent.phase.assessment");
  private static final Pattern HTTP_SPAN = Pattern.compile("(GET|POST)( /\\S*)?");
  private static final Set<String> CONTRACT_ATTRIBUTES = Set.of("operation.id", "operation.type",
      "operation.status", "operation.from_status", "operation.to_status", "operation.error", "operation.parent_id",
      "progress.percentage", "progress.phase", "worker.type", "worker.selected_id", "worker.selection_status",
      "worker.available_workers", "data.symbol", "data.timeframe", "data.rows");

  @Test
  void everySpanIsNamedAndAttributedAsTheContractOrTheHttpInstrumentationsSay() {
    // Dashboards search Jaeger by these: one only the simulator emitted would prove nothing.
    assertThat(spans.getFinishedSpanItems()).allSatisfy(span -> {
      assertThat(CONTRACT_SPANS.contains(span.getName()) || HTTP_SPAN.matcher(span.getName()).matches()
          || span.getName().matches("cli\\.[a-z_]+"))
          .as("span name %s of %s", span.getName(), service(span)).isTrue();
      assertThat(span.getAttributes().asMap().keySet()).allSatisfy(key ->
          assertThat(CONTRACT_ATTRIBUTES.contains(key.getKey()) || key.getKey().matches("http\\.[a-z_]+|net\\.host\\.port"))
              .as("attribute %s of span %s", key.getKey(), span.getName()).isTrue());
    });
  }

  private static List<SpanData> named(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
  }

  /**
   * Spans of that name whose trace has been exported up to its root: a root, and the parent of
   * every other span. A root alone is not enough: the command-line client exports its span as it
   * ends, while the backend's spans under it may still wait in their batch.
   */
  private static List<SpanData> withWholeTrace(String name) {
    return named(name).stream().filter(span -> {
      Map<String, SpanData> trace = traceOf(span);
      return trace.values().stream().anyMatch(s -> !s.getParentSpanContext().isValid())
          && trace.values().stream().allMatch(s -> !s.getParentSpanContext().isValid() || trace.containsKey(s.getParentSpanId()));
    }).toList();
  }

  /** All spans of the trace, once the backend's root span has been exported too. */
  private static Map<String, SpanData> traceOf(SpanData span) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(span.getTraceId()))
        .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
  }

  private static SpanData parentOf(SpanData span, Map<String, SpanData> trace) {
    SpanData parent = trace.get(span.getParentSpanId());
    assertThat(parent).as("parent of %s in trace %s", span.getName(), span.getTraceId()).isNotNull();
    return parent;
  }

  private static Map<String, SpanData> childrenOf(SpanData span, Map<String, SpanData> trace) {
    return trace.values().stream().filter(s -> s.getParentSpanId().equals(span.getSpanId()))
        .collect(Collectors.toMap(SpanData::getName, Function.identity(), (a, b) -> a));
  }

  private static String service(SpanData span) {
    return span.getResource().getAttribute(SERVICE_NAME);
  }
}

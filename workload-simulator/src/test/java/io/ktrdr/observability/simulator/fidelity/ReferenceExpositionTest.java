package io.ktrdr.observability.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.simulator.RunningSimulator;
import io.ktrdr.observability.simulator.Simulator;
import io.ktrdr.observability.simulator.fidelity.ExpositionComparison.Difference;
import io.ktrdr.observability.simulator.fidelity.ExpositionComparison.Kind;
import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.Scenario;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holds the simulator's HTTP exposition to one produced by the real Python libraries KTRDR pins
 * (FastAPI, prometheus-client, the OpenTelemetry SDK, its Prometheus exporter and FastAPI
 * instrumentation, src/test/python/reference): both are exercised alike, scraped as Prometheus 3
 * scrapes, and compared family by family on all a PromQL query can tell apart.
 *
 * <p>Needs a Python 3.10+ with venv; where there is none the tests are skipped with the reason,
 * and {@code -Dfidelity.requirePython=true} makes that a failure.
 */
@ExtendWith(PythonCondition.class)
class ReferenceExpositionTest {

  /** What Prometheus 3 sends by default: OpenMetrics first. */
  static final String PROMETHEUS_3 = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
      + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
      + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
  /** Prometheus 3 with scrape_protocols [PrometheusText1.0.0]. */
  static final String PROMETHEUS_3_TEXT = "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.6,*/*;q=0.5";
  /** Prometheus 3 with scrape_protocols [PrometheusText0.0.4], as Prometheus 2 asked for text. */
  static final String PLAIN_TEXT = "text/plain;version=0.0.4;q=0.6,*/*;q=0.5";
  static final Map<String, String> ACCEPT_HEADERS = acceptHeaders();

  /**
   * What is left out of the comparison, each with its reason: a family (with its {@code _total} and
   * {@code _created} series), and optionally only the differences whose text contains
   * {@code aspect}. Their differences are still printed; remove an entry to hold the family to the
   * reference again.
   */
  static final List<Excluded> EXCLUDED = List.of(
      // Metadata only (OpenMetrics UNIT): the contract does not say whether KTRDR passes unit= for
      // its own histograms; the reference passes none, the simulator (KtrdrMetrics, AgentMetrics) says seconds.
      new Excluded("ktrdr_operation_duration_seconds", "UNIT", "unit= of KTRDR's histograms not in the contract"),
      new Excluded("agent_cycle_duration_seconds", "UNIT", "unit= of KTRDR's histograms not in the contract"),
      new Excluded("agent_phase_duration_seconds", "UNIT", "unit= of KTRDR's histograms not in the contract"));

  /** A family, or one aspect of it, left out of the comparison. */
  record Excluded(String family, String aspect, String reason) {
    boolean covers(Difference difference) {
      // A counter is "x" in OpenMetrics and "x_total" beside "x_created" in the text format.
      String base = family.endsWith("_total") ? family.substring(0, family.length() - "_total".length()) : family;
      String name = difference.family();
      boolean sameFamily = name.equals(base) || name.equals(base + "_total") || name.equals(base + "_created");
      return sameFamily && difference.what().contains(aspect);
    }
  }

  private static final Duration COVERAGE_WAIT = Duration.ofSeconds(60);

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

  private static ReferenceEnvironment environment;
  private static ReferenceApp referenceBackend;
  private static final Map<String, ReferenceApp> referenceWorkers = new LinkedHashMap<>();
  private static RunningSimulator simulator;

  @BeforeAll
  static void startReferenceAndSimulator() throws Exception {
    ReferenceEnvironment.Interpreter interpreter = ReferenceEnvironment.findInterpreter();
    if (interpreter.command().isEmpty()) {
      // Only with -Dfidelity.requirePython=true does PythonCondition let the class run without one.
      fail(interpreter.problem() + "; -D" + PythonCondition.REQUIRE_PYTHON + "=true makes this a failure");
    }
    environment = ReferenceEnvironment.prepare(interpreter.command().get());
    System.out.printf("reference venv %s in %d ms%n", environment.reused() ? "reused" : "built",
        environment.setup().toMillis());
    long start = System.nanoTime();
    // Each app spends a second or two importing its libraries: they start side by side, and the
    // simulator meanwhile.
    ExecutorService starting = Executors.newFixedThreadPool(3);
    try {
      List<Future<ReferenceApp>> apps = List.of(
          starting.submit(() -> ReferenceApp.start(environment, "backend", "backend_app.py")),
          starting.submit(() -> ReferenceApp.start(environment, "backtest worker", "worker_app.py", "--worker-type", "backtesting")),
          starting.submit(() -> ReferenceApp.start(environment, "training worker", "worker_app.py", "--worker-type", "training")));
      try {
        simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().seed(11).scenario(everythingOften())
            .timeScale(600).spanExporter(InMemorySpanExporter.create()).build().start();
      } finally {
        // Held where stopAll() finds them, whatever happened to the simulator.
        List<ReferenceApp> started = startedOrClosed(apps);
        referenceBackend = started.get(0);
        referenceWorkers.put("backtesting", started.get(1));
        referenceWorkers.put("training", started.get(2));
      }
    } finally {
      starting.shutdown();
    }
    System.out.printf("reference apps and simulator started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    exerciseReference();
    exerciseSimulator();
  }

  /** Every app once started; if one failed, those that started are stopped and its failure thrown. */
  private static List<ReferenceApp> startedOrClosed(List<Future<ReferenceApp>> apps) throws Exception {
    List<ReferenceApp> started = new ArrayList<>();
    Exception failure = null;
    for (Future<ReferenceApp> app : apps) {
      try {
        started.add(app.get());
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
      }
    }
    if (failure != null) {
      for (ReferenceApp app : started) {
        app.close();
      }
      throw failure;
    }
    return started;
  }

  @AfterAll
  static void stopAll() throws InterruptedException {
    if (simulator != null) {
      simulator.close();
    }
    for (ReferenceApp app : referenceWorkers.values()) {
      app.close();
    }
    referenceWorkers.clear();
    if (referenceBackend != null) {
      referenceBackend.close();
    }
  }

  @Test
  void backendMetricsPathAndRedirectAreKtrdrs() throws Exception {
    URI simulated = URI.create("http://127.0.0.1:" + simulator.backendPort());
    assertThat(redirect(simulated.resolve("/metrics"))).as("simulated backend, GET /metrics")
        .isEqualTo(redirect(referenceBackend.uri("/metrics"))).isEqualTo("307 -> /metrics/");
    assertThat(get(simulated.resolve("/metrics/"), PROMETHEUS_3).statusCode()).isEqualTo(200);
  }

  @Test
  void workerMetricsPathAndRedirectAreKtrdrs() throws Exception {
    for (String worker : simulator.workerPorts().keySet()) {
      URI simulated = URI.create("http://127.0.0.1:" + simulator.workerPort(worker));
      ReferenceApp reference = referenceWorkers.get(workerType(worker));
      assertThat(redirect(simulated.resolve("/metrics/"))).as(worker + ", GET /metrics/")
          .isEqualTo(redirect(reference.uri("/metrics/"))).isEqualTo("307 -> /metrics");
      assertThat(get(simulated.resolve("/metrics"), PROMETHEUS_3).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void backendExpositionIsTheReferences() throws Exception {
    URI simulated = URI.create("http://127.0.0.1:" + simulator.backendPort() + "/metrics/");
    assertSameExposition("backend", referenceBackend.uri("/metrics/"), simulated);
  }

  @Test
  void workerExpositionsAreTheReferences() throws Exception {
    for (String worker : simulator.workerPorts().keySet()) {
      URI simulated = URI.create("http://127.0.0.1:" + simulator.workerPort(worker) + "/metrics");
      assertSameExposition(worker, referenceWorkers.get(workerType(worker)).uri("/metrics"), simulated);
    }
  }

  /** Waits (bounded) until the simulator has written what the reference shows, then compares every format. */
  private void assertSameExposition(String service, URI reference, URI simulated) throws Exception {
    List<Difference> coverage = new ArrayList<>();
    try {
      await().atMost(COVERAGE_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
        coverage.clear();
        coverage.addAll(compare(service + " [Prometheus 3]", reference, simulated, PROMETHEUS_3).stream()
            .filter(d -> d.kind() == Kind.COVERAGE && !excluded(d)).toList());
        return coverage.isEmpty();
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // Reported below with everything else.
    }
    List<Difference> differences = new ArrayList<>();
    for (Map.Entry<String, String> accept : ACCEPT_HEADERS.entrySet()) {
      differences.addAll(compare(service + " [" + accept.getKey() + "]", reference, simulated, accept.getValue()));
    }
    List<Difference> failing = differences.stream().filter(d -> !excluded(d)).toList();
    List<Difference> known = differences.stream().filter(ReferenceExpositionTest::excluded).toList();
    if (!known.isEmpty()) {
      System.out.println("Differences in excluded families (" + service + "):\n" + describe(known));
    }
    if (!failing.isEmpty()) {
      System.out.println("Differences from the reference (" + service + "):\n" + describe(failing));
      fail(failing.size() + " differences between the simulated " + service
          + " and the reference exposition:\n" + describe(failing));
    }
  }

  private static List<Difference> compare(String where, URI reference, URI simulated, String accept) throws Exception {
    Answer expected = get(reference, accept);
    Answer actual = get(simulated, accept);
    keep(where, "reference", expected);
    keep(where, "simulator", actual);
    assertThat(expected.statusCode()).as("reference scrape of " + reference).isEqualTo(200);
    assertThat(actual.statusCode()).as("simulator scrape of " + simulated).isEqualTo(200);
    return ExpositionComparison.compare(where,
        ScrapedExposition.parse(contentType(expected), expected.body()),
        ScrapedExposition.parse(contentType(actual), actual.body()));
  }

  /** Keeps the last scrape of each kind under target/fidelity/, to read beside a failure. */
  private static void keep(String where, String side, Answer response) throws IOException {
    java.nio.file.Path directory = java.nio.file.Path.of("target", "fidelity");
    java.nio.file.Files.createDirectories(directory);
    String file = (where + " " + side).replaceAll("[^A-Za-z0-9.-]+", "-") + ".txt";
    java.nio.file.Files.writeString(directory.resolve(file), "# Content-Type: " + contentType(response) + "\n" + response.body());
  }

  static boolean excluded(Difference difference) {
    return EXCLUDED.stream().anyMatch(e -> e.covers(difference));
  }

  private static String describe(List<Difference> differences) {
    return differences.stream().map(d -> "  " + d + EXCLUDED.stream().filter(e -> e.covers(d)).findFirst()
        .map(e -> "  [excluded: " + e.reason() + "]").orElse("")).collect(Collectors.joining("\n"));
  }

  /** Every route of the contract with each outcome and each error status KTRDR's clients see. */
  private static void exerciseReference() throws Exception {
    List<String> backendLocal = List.of("/api/v1/data/acquire/download", "/api/v1/indicators/calculate",
        "/api/v1/fuzzy/data", "/api/v1/fuzzy/evaluate", "/api/v1/dummy/start", "/api/v1/agent/trigger");
    for (String route : backendLocal) {
      for (String outcome : List.of("completed", "failed", "cancelled")) {
        post(referenceBackend.uri(route + "?outcome=" + outcome), 200);
      }
    }
    for (String gate : List.of("training", "backtest")) {
      post(referenceBackend.uri("/api/v1/agent/trigger?outcome=failed&failed_gate=" + gate), 200);
    }
    List<String> workerRun = List.of("/api/v1/backtests/start", "/api/v1/trainings/start");
    String operation = null;
    for (String route : workerRun) {
      String body = post(referenceBackend.uri(route), 200);
      operation = body.replaceAll(".*\"operation_id\":\"([^\"]+)\".*", "$1");
    }
    for (String type : List.of("backtesting", "training")) {
      post(referenceBackend.uri("/api/v1/workers/register?worker_id=" + type + "-1&worker_type=" + type), 200);
    }
    get(referenceBackend.uri("/api/v1/operations/" + operation), 200);
    get(referenceBackend.uri("/api/v1/operations/op_unknown"), 404);
    get(referenceBackend.uri("/api/v1/operations"), 200);
    get(referenceBackend.uri("/api/v1/workers"), 200);
    get(referenceBackend.uri("/api/v1/health"), 200);
    for (int status : List.of(400, 500, 503)) {
      for (String route : backendLocal) {
        post(referenceBackend.uri(route + "?answer=" + status), status);
      }
      for (String route : workerRun) {
        post(referenceBackend.uri(route + "?answer=" + status), status);
      }
      post(referenceBackend.uri("/api/v1/workers/register?answer=" + status), status);
      for (String route : List.of("/api/v1/operations/" + operation, "/api/v1/operations", "/api/v1/workers", "/api/v1/health")) {
        get(referenceBackend.uri(route + "?answer=" + status), status);
      }
    }
    get(referenceBackend.uri("/api/v1/no-such-route"), 404);
    get(referenceBackend.uri("/metrics"), 307);
    get(referenceBackend.uri("/metrics/"), 200);
    // A scrape is recorded with the size of the response before it (a redirect's is 0): as on a
    // backend with traffic, a sized response comes before the next one.
    get(referenceBackend.uri("/api/v1/health"), 200);
    get(referenceBackend.uri("/metrics/"), 200);
    for (Map.Entry<String, ReferenceApp> worker : referenceWorkers.entrySet()) {
      String start = worker.getKey().equals("training") ? "/training/start" : "/backtests/start";
      for (String outcome : List.of("completed", "failed", "cancelled")) {
        post(worker.getValue().uri(start + "?outcome=" + outcome), 200);
      }
      get(worker.getValue().uri("/health"), 200);
      get(worker.getValue().uri("/metrics/"), 307);
      get(worker.getValue().uri("/metrics"), 200);
    }
  }

  /** What the simulator's own traffic does not send: a redirect, an unmatched path, an unknown operation. */
  private static void exerciseSimulator() throws Exception {
    URI backend = URI.create("http://127.0.0.1:" + simulator.backendPort());
    get(backend.resolve("/api/v1/no-such-route"), 404);
    get(backend.resolve("/api/v1/operations/op_unknown"), 404);
    get(backend.resolve("/metrics"), 307);
    get(backend.resolve("/metrics/"), 200);
  }

  /**
   * Every operation type often, some requests failing, so that a short run shows every series; no
   * more often than that (some 200 arrivals a wall second at 600x), as the reference apps and
   * other tests share the machine's cores.
   */
  private static Scenario everythingOften() {
    Scenario.Builder builder = Scenario.builder().name("fidelity").httpErrorRatio(0.2);
    for (OperationType type : OperationType.values()) {
      builder.ratePerHour(type, 100);
    }
    return builder.ratePerHour(OperationType.BACKTESTING, 300).ratePerHour(OperationType.TRAINING, 100)
        .duration(OperationType.BACKTESTING, new Scenario.DurationDistribution(30, 0.6))
        .duration(OperationType.TRAINING, new Scenario.DurationDistribution(600, 0.3))
        .duration(OperationType.AGENT_RESEARCH, new Scenario.DurationDistribution(60, 0.3))
        .build();
  }

  private static String workerType(String worker) {
    return worker.startsWith("training") ? "training" : "backtesting";
  }

  private static String redirect(URI uri) throws IOException {
    Answer response = get(uri, PROMETHEUS_3);
    String location = response.location() == null ? "(none)" : URI.create(response.location()).getPath();
    return response.statusCode() + " -> " + location;
  }

  private static String contentType(Answer response) {
    return response.contentType() == null ? "(none)" : response.contentType();
  }

  /** A response as the test reads it. */
  record Answer(int statusCode, String contentType, String location, String body) {}

  /**
   * A GET as Prometheus, httpx or a browser sends it: without the {@code Content-Length: 0} that
   * Java's HttpClient adds (the instrumentation would record a request size for it). Redirects are
   * not followed.
   */
  private static Answer get(URI uri, String accept) throws IOException {
    java.net.HttpURLConnection connection = (java.net.HttpURLConnection) uri.toURL().openConnection();
    try {
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout(2_000);
      connection.setReadTimeout(10_000);
      if (accept != null) {
        connection.setRequestProperty("Accept", accept);
      }
      int status = connection.getResponseCode();
      java.io.InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String body = stream == null ? "" : new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return new Answer(status, connection.getContentType(), connection.getHeaderField("Location"), body);
    } finally {
      connection.disconnect();
    }
  }

  private static void get(URI uri, int expectedStatus) throws IOException {
    Answer response = get(uri, null);
    assertThat(response.statusCode()).as("GET " + uri + ": " + response.body()).isEqualTo(expectedStatus);
  }

  private static String post(URI uri, int expectedStatus) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST " + uri + ": " + response.body()).isEqualTo(expectedStatus);
    return response.body();
  }

  private static Map<String, String> acceptHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Prometheus 3", PROMETHEUS_3);
    headers.put("Prometheus 3, text 1.0.0", PROMETHEUS_3_TEXT);
    headers.put("text 0.0.4", PLAIN_TEXT);
    return headers;
  }
}

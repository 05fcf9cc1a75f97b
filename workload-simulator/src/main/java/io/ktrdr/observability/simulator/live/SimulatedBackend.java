package io.ktrdr.observability.simulator.live;

import static io.ktrdr.observability.simulator.live.Services.DATA_ROWS;
import static io.ktrdr.observability.simulator.live.Services.DATA_SYMBOL;
import static io.ktrdr.observability.simulator.live.Services.DATA_TIMEFRAME;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_ERROR;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_FROM_STATUS;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_ID;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_PARENT_ID;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_STATUS;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_TO_STATUS;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_TYPE;
import static io.ktrdr.observability.simulator.live.Services.WORKER_AVAILABLE_WORKERS;
import static io.ktrdr.observability.simulator.live.Services.WORKER_SELECTED_ID;
import static io.ktrdr.observability.simulator.live.Services.WORKER_SELECTION_STATUS;
import static io.ktrdr.observability.simulator.live.Services.WORKER_TYPE;

import com.sun.net.httpserver.HttpExchange;
import io.ktrdr.observability.simulator.model.ModelEvent;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationRejected;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationStarted;
import io.ktrdr.observability.simulator.model.Operation;
import io.ktrdr.observability.simulator.model.OperationStatus;
import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.WorkerType;
import io.ktrdr.observability.simulator.telemetry.ApiTraffic;
import io.ktrdr.observability.simulator.telemetry.AgentMetrics;
import io.ktrdr.observability.simulator.telemetry.KtrdrMetrics;
import io.ktrdr.observability.simulator.telemetry.HttpTelemetry;
import io.ktrdr.observability.simulator.telemetry.HttpTelemetry.Response;
import io.ktrdr.observability.simulator.telemetry.ScrapeEndpoint;
import io.ktrdr.observability.simulator.telemetry.SimulatedProcess;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The simulated FastAPI backend: {@code /metrics/} with KTRDR's business, HTTP and process
 * metrics in one registry, the operation start endpoints, listing, status polls and worker
 * registration, and the service spans of an operation's hand-over to a worker.
 */
final class SimulatedBackend extends SimulatedService {

  private final PrometheusRegistry registry;
  private final KtrdrMetrics metrics;
  private final AgentMetrics agentMetrics;
  private final ScrapeEndpoint scrape;
  private final HttpTelemetry http;
  private final Map<String, SimulatedWorker> workers;
  private final String connectHost;
  private final DoubleSupplier httpErrorRatio;
  private final Map<String, ModelEvent> expected = new ConcurrentHashMap<>();
  private final Map<String, Span> running = new ConcurrentHashMap<>();
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();
  /** Failed attempts so far of requests their clients retry, by request. */
  private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();

  SimulatedBackend(String host, int port, PrometheusRegistry registry, Tracer tracer, Meter meter,
      HttpClient client, SimulatedProcess process, Map<String, SimulatedWorker> workers, DoubleSupplier httpErrorRatio) {
    super("backend", host, port, 4, new HttpTelemetry(tracer, meter, "backend", client), process);
    this.registry = registry;
    this.metrics = new KtrdrMetrics(registry);
    this.agentMetrics = new AgentMetrics(registry);
    process.register(registry);
    this.scrape = ScrapeEndpoint.negotiating(registry);
    this.workers = workers;
    this.connectHost = connectHost(host);
    this.httpErrorRatio = httpErrorRatio;
    this.http = http();
  }

  static String connectHost(String bindHost) {
    return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
  }

  KtrdrMetrics metrics() {
    return metrics;
  }

  AgentMetrics agentMetrics() {
    return agentMetrics;
  }

  URI uri(String path) {
    return URI.create("http://" + connectHost + ":" + endpoint().port() + path);
  }

  /** Announces the model's decision for an operation whose start request is about to arrive. */
  void expect(ModelEvent decision) {
    Operation operation = decision instanceof OperationStarted
        ? ((OperationStarted) decision).operation()
        : ((OperationRejected) decision).operation();
    expected.put(operation.id(), decision);
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    countRequest();
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/metrics/")) {
      http.serve(exchange, "/metrics/", (ex, body) -> scrape.render(ex.getRequestHeaders().getFirst("Accept")));
    } else if (path.equals("/metrics")) {
      // Starlette redirects a mount path without its slash; Prometheus follows.
      http.redirect(exchange, "/metrics/");
    } else if (method.equals("POST") && startType(path) != null) {
      OperationType type = startType(path);
      String operationId = exchange.getRequestHeaders().getFirst(Services.OPERATION_HEADER);
      http.serve(exchange, path, (ex, body) -> retried(path + " " + operationId, () -> start(type, operationId)));
    } else if (method.equals("GET") && path.equals(ApiTraffic.OPERATIONS)) {
      http.serve(exchange, path, (ex, body) -> traced("operations.list", () -> Response.ok("{\"success\":true,\"data\":[],\"total_count\":" + running.size() + "}")));
    } else if (method.equals("GET") && path.startsWith(ApiTraffic.OPERATION_PREFIX)) {
      String id = path.substring(ApiTraffic.OPERATION_PREFIX.length());
      http.serve(exchange, ApiTraffic.OPERATION, (ex, body) -> known.containsKey(id)
          ? ordinary(() -> Response.ok("{\"success\":true,\"data\":{\"operation_id\":\"" + id + "\"}}"))
          : new Response(404, "{\"detail\":\"Operation not found: " + id + "\"}"));
    } else if (method.equals("GET") && path.equals(ApiTraffic.WORKERS)) {
      http.serve(exchange, path, (ex, body) -> traced("workers.list", () -> Response.ok("[]")));
    } else if (method.equals("POST") && path.equals(ApiTraffic.REGISTER)) {
      http.serve(exchange, path, (ex, body) -> retried(path + " " + body, () -> Response.ok("{\"success\":true}")));
    } else if (method.equals("GET") && path.equals("/api/v1/health")) {
      http.serve(exchange, path, (ex, body) -> Response.ok("{\"status\":\"healthy\"}"));
    } else {
      http.serve(exchange, path, (ex, body) -> new Response(404, "{\"detail\":\"Not Found\"}"));
    }
  }

  private static OperationType startType(String path) {
    for (OperationType type : OperationType.values()) {
      if (type.startPath().equals(path)) {
        return type;
      }
    }
    return null;
  }

  private Response traced(String spanName, java.util.function.Supplier<Response> work) {
    Span span = http.tracer().spanBuilder(spanName).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return ordinary(work);
    } finally {
      span.end();
    }
  }

  /** Ordinary API traffic fails at the scenario's current error ratio. */
  private Response ordinary(java.util.function.Supplier<Response> work) {
    if (ThreadLocalRandom.current().nextDouble() < httpErrorRatio.getAsDouble()) {
      Span.current().setStatus(StatusCode.ERROR, "service unavailable");
      return new Response(ThreadLocalRandom.current().nextBoolean() ? 500 : 503, "{\"detail\":\"Internal Server Error\"}");
    }
    return work.get();
  }

  /**
   * A request its client sends again when answered 500 (operation starts, worker registration)
   * fails at the scenario's current error ratio, but never on the client's last attempt: the
   * operation still starts as the model decided, after the failed attempts.
   */
  private Response retried(String request, java.util.function.Supplier<Response> work) {
    int failed = failedAttempts.getOrDefault(request, 0);
    if (failed < ApiTraffic.MAX_ATTEMPTS - 1 && ThreadLocalRandom.current().nextDouble() < httpErrorRatio.getAsDouble()) {
      failedAttempts.put(request, failed + 1);
      Span.current().setStatus(StatusCode.ERROR, "internal server error");
      return new Response(500, "{\"detail\":\"Internal Server Error\"}");
    }
    failedAttempts.remove(request);
    return work.get();
  }

  private Response start(OperationType type, String operationId) {
    ModelEvent decision = operationId == null ? null : expected.remove(operationId);
    if (decision == null) {
      return new Response(400, "{\"detail\":\"unknown operation\"}");
    }
    Operation operation = decision instanceof OperationStarted
        ? ((OperationStarted) decision).operation()
        : ((OperationRejected) decision).operation();
    known.put(operation.id(), Boolean.TRUE);
    Tracer tracer = http.tracer();
    Span create = tracer.spanBuilder("operations.create")
        .setAttribute(OPERATION_ID, operation.id())
        .setAttribute(OPERATION_TYPE, type.label())
        .setAttribute(OPERATION_STATUS, "pending")
        .startSpan();
    create.end();
    if (type.workerType().isEmpty()) {
      startHere(operation);
      return Response.ok("{\"success\":true,\"operation_id\":\"" + operation.id() + "\",\"status\":\"running\"}");
    }
    WorkerType workerType = type.workerType().get();
    String worker = decision instanceof OperationStarted
        ? ((OperationStarted) decision).worker()
        : ((OperationRejected) decision).worker();
    int available = decision instanceof OperationStarted ? ((OperationStarted) decision).availableWorkers() : 0;
    // KTRDR's current commit selects in workers.select itself (worker_registry.select_worker is gone).
    Span select = tracer.spanBuilder("workers.select")
        .setAttribute(WORKER_TYPE, workerType.label())
        .setAttribute(WORKER_AVAILABLE_WORKERS, (long) available)
        .setAttribute(WORKER_SELECTION_STATUS, worker == null ? "no_workers_available" : "success")
        .startSpan();
    if (worker != null) {
      select.setAttribute(WORKER_SELECTED_ID, workers.get(worker).spec().id());
    }
    select.end();
    if (worker == null) {
      return new Response(503, "{\"detail\":\"No " + workerType.label() + " workers available\"}");
    }
    SimulatedWorker target = workers.get(worker);
    Span dispatch = type == OperationType.TRAINING ? tracer.spanBuilder("training.start").setAttribute(OPERATION_ID, operation.id()).startSpan() : null;
    int status;
    try (Scope ignored = dispatch == null ? Scope.noop() : dispatch.makeCurrent()) {
      if (decision instanceof OperationStarted) {
        target.expect(operation);
      }
      URI uri = URI.create("http://" + connectHost + ":" + target.endpoint().port() + workerType.startPath());
      status = http.call("POST", uri, "{\"operation_id\":\"" + operation.id() + "\"}", Map.of(Services.OPERATION_HEADER, operation.id()));
    } finally {
      if (dispatch != null) {
        dispatch.end();
      }
    }
    if (status != 200) {
      Span.current().setAttribute(OPERATION_ERROR, "worker " + worker + " did not answer");
      return new Response(503, "{\"detail\":\"Worker " + worker + " unavailable\"}");
    }
    return Response.ok("{\"success\":true,\"operation_id\":\"" + operation.id() + "\",\"status\":\"running\"}");
  }

  /** Operations the backend runs itself keep a span open until they end. */
  private void startHere(Operation operation) {
    String name = backendSpanName(operation.type());
    if (name == null) {
      return;
    }
    Span span = http.tracer().spanBuilder(name)
        .setAttribute(OPERATION_ID, operation.id())
        .setAttribute(OPERATION_TYPE, operation.type().label())
        .setAttribute(DATA_SYMBOL, operation.symbol())
        .setAttribute(DATA_TIMEFRAME, operation.timeframe())
        .startSpan();
    running.put(operation.id(), span);
  }

  /** The span an operation the backend runs itself keeps open, named as at KTRDR's current commit. */
  private static String backendSpanName(OperationType type) {
    switch (type) {
      case DATA_LOAD:
        return "data.download";
      case INDICATOR_COMPUTE:
        return "indicator.calculate";
      case AGENT_RESEARCH:
        return "agent.coordinator";
      default:
        return null;
    }
  }

  /** Ends the spans of an operation the backend ran itself. */
  void finish(Operation operation, OperationStatus status, String error) {
    known.remove(operation.id());
    Span span = running.remove(operation.id());
    if (span == null) {
      return;
    }
    long end = epochNanos();
    SpanTiming timing = new SpanTiming(span, end);
    if (operation.type() == OperationType.DATA_LOAD) {
      long rows = 1_000 + Math.floorMod(operation.detailSeed(), 250_000);
      timing.child("data.load_cache", 0.0, 0.1).end(timing.at(0.1), TimeUnit.NANOSECONDS);
      timing.child("data.fetch", 0.1, 0.7)
          .setAttribute(DATA_SYMBOL, operation.symbol())
          .setAttribute(DATA_TIMEFRAME, operation.timeframe())
          .end(timing.at(0.7), TimeUnit.NANOSECONDS);
      timing.child("data.parse", 0.7, 0.95)
          .setAttribute(DATA_ROWS, rows)
          .end(timing.at(0.95), TimeUnit.NANOSECONDS);
      span.setAttribute(DATA_ROWS, rows);
    } else if (operation.type() == OperationType.AGENT_RESEARCH) {
      String[] phases = {"agent.phase.design", "agent.phase.training", "agent.phase.backtest", "agent.phase.assessment"};
      double[] bounds = {0, 0.1, 0.6, 0.9, 1.0};
      for (int i = 0; i < phases.length; i++) {
        timing.child(phases[i], bounds[i], bounds[i + 1])
            .setAttribute(OPERATION_PARENT_ID, operation.id())
            .end(timing.at(bounds[i + 1]), TimeUnit.NANOSECONDS);
      }
    }
    timing.child("operation.state_transition", 1.0, 1.0)
        .setAttribute(OPERATION_ID, operation.id())
        .setAttribute(OPERATION_FROM_STATUS, "running")
        .setAttribute(OPERATION_TO_STATUS, status.label())
        .end(end, TimeUnit.NANOSECONDS);
    span.setAttribute(OPERATION_STATUS, status.label());
    if (error != null) {
      span.setAttribute(OPERATION_ERROR, error);
      span.setStatus(StatusCode.ERROR, error);
    }
    span.end(end, TimeUnit.NANOSECONDS);
  }

  void abandonAll() {
    running.values().forEach(Span::end);
    running.clear();
  }

  /** Places child spans at shares of a parent span's run, which ends now. */
  private final class SpanTiming {
    private final Span parent;
    private final long start;
    private final long length;

    SpanTiming(Span parent, long end) {
      this.parent = parent;
      this.start = startOf(parent, end);
      this.length = Math.max(1, end - start);
    }

    long at(double share) {
      return start + (long) (length * share);
    }

    Span child(String name, double from, double to) {
      return http.tracer().spanBuilder(name)
          .setParent(Context.root().with(parent))
          .setStartTimestamp(at(from), TimeUnit.NANOSECONDS)
          .startSpan();
    }
  }

  private static long startOf(Span span, long fallback) {
    if (span instanceof io.opentelemetry.sdk.trace.ReadableSpan) {
      return ((io.opentelemetry.sdk.trace.ReadableSpan) span).toSpanData().getStartEpochNanos();
    }
    return fallback;
  }

}

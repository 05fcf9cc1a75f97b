package io.ktrdr.observability.simulator.live;

import static io.ktrdr.observability.simulator.live.Services.OPERATION_ERROR;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_ID;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_STATUS;
import static io.ktrdr.observability.simulator.live.Services.OPERATION_TYPE;
import static io.ktrdr.observability.simulator.live.Services.PROGRESS_PERCENTAGE;
import static io.ktrdr.observability.simulator.live.Services.PROGRESS_PHASE;
import static io.ktrdr.observability.simulator.live.Services.WORKER_TYPE;

import com.sun.net.httpserver.HttpExchange;
import io.ktrdr.observability.simulator.model.Operation;
import io.ktrdr.observability.simulator.model.OperationStatus;
import io.ktrdr.observability.simulator.model.WorkerSpec;
import io.ktrdr.observability.simulator.model.WorkerType;
import io.ktrdr.observability.simulator.telemetry.HttpTelemetry;
import io.ktrdr.observability.simulator.telemetry.ScrapeEndpoint;
import io.ktrdr.observability.simulator.telemetry.SimulatedProcess;
import io.ktrdr.observability.simulator.telemetry.KtrdrMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One simulated worker: its own port with {@code /metrics} (process metrics and the {@code ktrdr_*}
 * families of its own OperationsService, no HTTP metrics: KTRDR's workers have no meter provider),
 * {@code /health}, and its start endpoint, whose server span continues the backend's trace and
 * carries the worker's work spans.
 */
final class SimulatedWorker extends SimulatedService {

  /** Work phases as shares of the operation: name, start, end. */
  private record Phase(String name, double from, double to) {}

  /** Span names as at KTRDR's current commit: the work spans sit directly under the server span. */
  private static final List<Phase> TRAINING_PHASES = List.of(
      new Phase("training.data_loading", 0.0, 0.08),
      new Phase("training.indicators", 0.08, 0.12),
      new Phase("training.fuzzy_computation", 0.12, 0.15));
  private static final List<Phase> BACKTEST_PHASES = List.of(
      new Phase("backtest.data_loading", 0.0, 0.2),
      new Phase("backtest.feature_compute", 0.2, 0.35));

  private final WorkerSpec spec;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ScrapeEndpoint scrape;
  private final HttpTelemetry http;
  private final Map<String, OpenWork> work = new ConcurrentHashMap<>();
  private final Map<String, Operation> pending = new ConcurrentHashMap<>();
  private final KtrdrMetrics metrics;

  /** An operation at work here: the server span of its start request is the parent of its work spans. */
  private record OpenWork(Operation operation, SpanContext server, long startEpochNanos) {}

  SimulatedWorker(WorkerSpec spec, String host, int port, Tracer tracer, HttpClient client, SimulatedProcess process) {
    super(spec.name(), host, port, 2, new HttpTelemetry(tracer, null, spec.name(), client), process);
    this.spec = spec;
    process.register(registry);
    this.metrics = new KtrdrMetrics(registry);
    this.scrape = ScrapeEndpoint.textOnly(registry);
    this.http = http();
  }

  /** The {@code ktrdr_*} families of this worker's OperationsService. */
  KtrdrMetrics metrics() {
    return metrics;
  }

  WorkerSpec spec() {
    return spec;
  }

  boolean busy() {
    return !work.isEmpty();
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    countRequest();
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/metrics")) {
      http.serve(exchange, "/metrics", (ex, body) -> scrape.render(ex.getRequestHeaders().getFirst("Accept")));
    } else if (path.equals("/metrics/")) {
      http.redirect(exchange, "/metrics"); // Starlette's redirect to the route without the slash
    } else if (path.equals("/health")) {
      http.serve(exchange, "/health", (ex, body) -> HttpTelemetry.Response.ok(
          "{\"healthy\":true,\"worker_id\":\"" + spec.id() + "\",\"worker_status\":\"" + (busy() ? "busy" : "idle") + "\"}"));
    } else if (path.equals(spec.type().startPath()) && exchange.getRequestMethod().equals("POST")) {
      http.serve(exchange, spec.type().startPath(), (ex, body) -> HttpTelemetry.Response.ok(accept(ex)));
    } else {
      http.serve(exchange, path, (ex, body) -> new HttpTelemetry.Response(404, "{\"detail\":\"Not Found\"}"));
    }
  }

  private String accept(HttpExchange exchange) {
    String operationId = exchange.getRequestHeaders().getFirst(Services.OPERATION_HEADER);
    Operation operation = pending.remove(operationId);
    if (operation == null) {
      throw new IllegalStateException("unknown operation " + operationId);
    }
    work.put(operation.id(), new OpenWork(operation, Span.current().getSpanContext(), epochNanos()));
    return "{\"success\":true,\"operation_id\":\"" + operation.id() + "\",\"status\":\"started\"}";
  }

  /** Announces an operation the backend is about to hand over. */
  void expect(Operation operation) {
    pending.put(operation.id(), operation);
  }

  /** Ends the operation's work spans, with the phases it got through. */
  void finish(String operationId, OperationStatus status, String error) {
    pending.remove(operationId);
    OpenWork open = work.remove(operationId);
    if (open == null) {
      return; // the hand-over failed, nothing ran here
    }
    long end = epochNanos();
    long length = Math.max(1, end - open.startEpochNanos());
    double reached = status == OperationStatus.COMPLETED ? 1.0 : 0.1 + 0.8 * ((open.operation().detailSeed() >>> 11) % 1000) / 1000.0;
    List<Phase> phases = spec.type() == WorkerType.TRAINING ? TRAINING_PHASES : BACKTEST_PHASES;
    Span last = null;
    for (Phase phase : phases) {
      if (phase.from() >= reached) {
        break;
      }
      if (last != null) {
        last.end(open.startEpochNanos() + (long) (length * phase.from()), TimeUnit.NANOSECONDS);
      }
      last = http.tracer().spanBuilder(phase.name())
          .setParent(Context.root().with(Span.wrap(open.server())))
          .setStartTimestamp(open.startEpochNanos() + (long) (length * phase.from()), TimeUnit.NANOSECONDS)
          .setAttribute(OPERATION_ID, operationId)
          .setAttribute(OPERATION_TYPE, open.operation().type().label())
          .setAttribute(WORKER_TYPE, spec.type().label())
          .startSpan();
    }
    // The last phase reached carries how the operation ended, and ends where the run stopped.
    last.setAttribute(OPERATION_STATUS, status.label());
    last.setAttribute(PROGRESS_PERCENTAGE, Math.round(reached * 1000) / 10.0);
    Phase lastPhase = phases.stream().filter(p -> p.from() < reached).reduce((a, b) -> b).orElseThrow();
    last.setAttribute(PROGRESS_PHASE, lastPhase.name());
    if (error != null) {
      last.setAttribute(OPERATION_ERROR, error);
      last.setStatus(StatusCode.ERROR, error);
    }
    last.end(open.startEpochNanos() + (long) (length * Math.min(lastPhase.to(), reached)), TimeUnit.NANOSECONDS);
  }

  /** Ends whatever still runs, at shutdown. */
  void abandonAll() {
    work.keySet().forEach(id -> finish(id, OperationStatus.CANCELLED, null));
  }

}

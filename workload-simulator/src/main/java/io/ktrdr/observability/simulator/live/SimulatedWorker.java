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
import io.opentelemetry.api.trace.Span;
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
 * One simulated worker: its own port with {@code /metrics} (process metrics only, as KTRDR's
 * workers have no meter provider), {@code /health}, and its start endpoint, whose server span
 * continues the backend's trace and carries the worker's work spans.
 */
final class SimulatedWorker extends SimulatedService {

  /** Work phases as shares of the operation: name, start, end. */
  private record Phase(String name, double from, double to, String parent) {}

  private static final List<Phase> TRAINING_PHASES = List.of(
      new Phase("worker.training.execute", 0.0, 1.0, null),
      new Phase("worker.training.load_data", 0.0, 0.15, "worker.training.execute"),
      new Phase("training.data_loading", 0.0, 0.08, "worker.training.load_data"),
      new Phase("training.indicators", 0.08, 0.12, "worker.training.load_data"),
      new Phase("training.fuzzy_computation", 0.12, 0.15, "worker.training.load_data"),
      new Phase("worker.training.train_loop", 0.15, 0.95, "worker.training.execute"),
      new Phase("worker.training.save_model", 0.95, 1.0, "worker.training.execute"));
  private static final List<Phase> BACKTEST_PHASES = List.of(
      new Phase("backtest.data_loading", 0.0, 0.2, null),
      new Phase("backtest.feature_compute", 0.2, 0.35, null));

  private final WorkerSpec spec;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ScrapeEndpoint scrape;
  private final HttpTelemetry http;
  private final Map<String, OpenWork> work = new ConcurrentHashMap<>();
  private final Map<String, Operation> pending = new ConcurrentHashMap<>();

  private record OpenWork(Operation operation, Span span, long startEpochNanos) {}

  SimulatedWorker(WorkerSpec spec, String host, int port, Tracer tracer, HttpClient client, SimulatedProcess process) {
    super(spec.name(), host, port, 2, new HttpTelemetry(tracer, null, spec.name(), client), process);
    this.spec = spec;
    process.register(registry);
    this.scrape = new ScrapeEndpoint(registry);
    this.http = http();
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
    Tracer tracer = http.tracer();
    Span span = tracer.spanBuilder(spec.type() == WorkerType.TRAINING ? "worker.train" : "worker.backtest")
        .setAttribute(OPERATION_ID, operation.id())
        .setAttribute(OPERATION_TYPE, operation.type().label())
        .setAttribute(WORKER_TYPE, spec.type().label())
        .setAttribute(OPERATION_STATUS, "running")
        .startSpan();
    work.put(operation.id(), new OpenWork(operation, span, epochNanos()));
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
    Map<String, Span> spans = new java.util.HashMap<>();
    String lastPhase = null;
    for (Phase phase : spec.type() == WorkerType.TRAINING ? TRAINING_PHASES : BACKTEST_PHASES) {
      if (phase.from() >= reached) {
        break;
      }
      Span parent = phase.parent() == null ? open.span() : spans.get(phase.parent());
      Span span = http.tracer().spanBuilder(phase.name())
          .setParent(Context.root().with(parent))
          .setStartTimestamp(open.startEpochNanos() + (long) (length * phase.from()), TimeUnit.NANOSECONDS)
          .setAttribute(OPERATION_ID, operationId)
          .startSpan();
      spans.put(phase.name(), span);
      lastPhase = phase.name();
    }
    // End children before parents, each at its share of the run (or where the run stopped).
    List<Phase> phases = spec.type() == WorkerType.TRAINING ? TRAINING_PHASES : BACKTEST_PHASES;
    for (int i = phases.size() - 1; i >= 0; i--) {
      Span span = spans.get(phases.get(i).name());
      if (span != null) {
        double to = Math.min(phases.get(i).to(), reached);
        span.end(open.startEpochNanos() + (long) (length * to), TimeUnit.NANOSECONDS);
      }
    }
    Span workSpan = open.span();
    workSpan.setAttribute(OPERATION_STATUS, status.label());
    workSpan.setAttribute(PROGRESS_PERCENTAGE, Math.round(reached * 1000) / 10.0);
    if (lastPhase != null) {
      workSpan.setAttribute(PROGRESS_PHASE, lastPhase);
    }
    if (error != null) {
      workSpan.setAttribute(OPERATION_ERROR, error);
      workSpan.setStatus(StatusCode.ERROR, error);
    }
    workSpan.end(end, TimeUnit.NANOSECONDS);
  }

  /** Ends whatever still runs, at shutdown. */
  void abandonAll() {
    work.keySet().forEach(id -> finish(id, OperationStatus.CANCELLED, null));
  }

}

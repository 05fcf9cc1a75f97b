package io.ktrdr.observability.simulator.live;

import io.ktrdr.observability.simulator.GroundTruth;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationEnded;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationRejected;
import io.ktrdr.observability.simulator.model.ModelEvent.OperationStarted;
import io.ktrdr.observability.simulator.model.ModelEvent.WorkerEndpointChanged;
import io.ktrdr.observability.simulator.model.ModelEvent;
import io.ktrdr.observability.simulator.model.Operation;
import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.Scenario;
import io.ktrdr.observability.simulator.model.Topology;
import io.ktrdr.observability.simulator.model.WorkerSpec;
import io.ktrdr.observability.simulator.model.WorkerType;
import io.ktrdr.observability.simulator.model.WorkloadModel;
import io.ktrdr.observability.simulator.telemetry.ApiTraffic;
import io.ktrdr.observability.simulator.telemetry.EventMetrics;
import io.ktrdr.observability.simulator.telemetry.HttpTelemetry;
import io.ktrdr.observability.simulator.telemetry.KtrdrMetrics;
import io.ktrdr.observability.simulator.telemetry.ScrapeEndpoint;
import io.ktrdr.observability.simulator.telemetry.ServiceEndpoint;
import io.ktrdr.observability.simulator.telemetry.SimulatedProcess.Activity;
import io.ktrdr.observability.simulator.telemetry.SimulatedProcess;
import io.ktrdr.observability.simulator.telemetry.SpanPipeline;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live run: the model driven by the wall clock scaled by {@code timeScale}, its events turned
 * into metrics at once and into HTTP calls and spans on a traffic pool, plus the background
 * traffic a KTRDR backend sees (status polls, listing, health checks).
 */
public final class LiveSimulation implements AutoCloseable {

  /** Settings of a live run; see {@code Simulator.Builder} for their meaning and defaults. */
  public record Settings(
      long seed, Scenario scenario, double timeScale, String host, int backendPort, List<WorkerSpec> workers,
      Map<String, Integer> workerPorts, int controlPort, SpanExporter spanExporter, String serviceVersion,
      String environment, Duration tick, boolean backgroundTraffic, PrintStream statusLine) {}

  private static final Duration HEALTH_CHECK_INTERVAL_WALL = Duration.ofSeconds(10);
  private static final int TRAFFIC_QUEUE = 20_000;
  private static final boolean INTERACTIVE = System.console() != null;

  private final Settings settings;
  private final WorkloadModel model;
  private final GroundTruthRecorder recorder;
  private final SpanPipeline spans;
  private final SdkMeterProvider backendMeterProvider;
  private final SimulatedBackend backend;
  private final EventMetrics metrics;
  /** KTRDR's command-line client, which starts some of the operations. */
  private final Tracer cli;
  private final Map<String, SimulatedWorker> workers = new LinkedHashMap<>();
  private final ServiceEndpoint control;
  private final HttpClient client;
  private final ScheduledExecutorService clock;
  private final ThreadPoolExecutor traffic;
  private final Map<String, CompletableFuture<Void>> handOvers = new ConcurrentHashMap<>();
  /** Ports of targets never started, held bound but not listening: connections are refused, no other process takes them. */
  private final List<java.net.Socket> reservedPorts = new ArrayList<>();
  private final AtomicLong trafficDropped = new AtomicLong();
  /** Background traffic only; used on the clock thread. */
  private final java.util.SplittableRandom trafficRandom;
  /** The model's first instant; model time stands still there until the clock begins. */
  private final Instant modelStart;
  /**
   * When the clock began ({@link #begin}, once every port serves): wall time and its nanoTime. Set
   * before the clock thread starts; before that, construction and binding ports (seconds for a
   * JVM's first simulator on a loaded machine) cost no model time.
   */
  private volatile Instant wallStart;
  private volatile long clockStartNanos;
  private long lastTickNanos;
  private long lastHealthCheckNanos;
  private long lastStatusNanos;
  private volatile boolean closed;

  private LiveSimulation(Settings settings) {
    this.settings = settings;
    this.modelStart = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Topology topology = settings.scenario().topology().orElseThrow(() -> new IllegalArgumentException("settings need a topology"));
    this.model = new WorkloadModel(settings.scenario(), settings.seed(), modelStart, settings.workers(),
        io.ktrdr.observability.simulator.Simulator.stops(topology));
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).version(HttpClient.Version.HTTP_1_1).build();
    this.spans = new SpanPipeline(settings.spanExporter());
    double startSeconds = modelStart.toEpochMilli() / 1000.0;

    for (WorkerSpec spec : settings.workers()) {
      SdkTracerProvider tracerProvider = spans.tracerProvider(Services.resource(spec.serviceName(), settings.serviceVersion(), settings.environment()));
      SimulatedProcess process = SimulatedProcess.worker(spec, workers.size(), startSeconds, settings.seed());
      workers.put(spec.name(), new SimulatedWorker(spec, settings.host(), settings.workerPorts().get(spec.name()),
          tracerProvider.get("ktrdr.workers"), client, process));
    }

    this.cli = spans.immediateTracerProvider(Services.resource(CommandLineClient.SERVICE_NAME, settings.serviceVersion(),
        settings.environment())).get("ktrdr.cli");
    SdkTracerProvider backendTracer = spans.tracerProvider(Services.resource("ktrdr-api", settings.serviceVersion(), settings.environment()));
    PrometheusRegistry backendRegistry = new PrometheusRegistry();
    PrometheusMetricReader reader = PrometheusMetricReader.builder().setOtelScopeLabelsEnabled(false).build();
    this.backendMeterProvider = SdkMeterProvider.builder()
        .setResource(Services.resource("ktrdr-api", settings.serviceVersion(), settings.environment()))
        .registerMetricReader(reader)
        .setExemplarFilter(io.opentelemetry.sdk.metrics.ExemplarFilter.alwaysOff())
        .build();
    ScrapeEndpoint.registerOpenTelemetry(backendRegistry, reader);
    SimulatedProcess backendProcess = SimulatedProcess.backend(startSeconds, settings.seed());
    this.backend = new SimulatedBackend(settings.host(), settings.backendPort(), backendRegistry,
        backendTracer.get("ktrdr.api"), backendMeterProvider.get(HttpTelemetry.SERVER_SCOPE), client, backendProcess,
        workers, this::currentHttpErrorRatio);
    Map<String, KtrdrMetrics> workerMetrics = new LinkedHashMap<>();
    workers.forEach((name, worker) -> workerMetrics.put(name, worker.metrics()));
    this.metrics = new EventMetrics(backend.metrics(), backend.agentMetrics(), workerMetrics, settings.workers());
    this.recorder = new GroundTruthRecorder(settings.seed(), settings.scenario(), topology, settings.timeScale(), modelStart,
        settings.workers(), this::wallTimeOf);
    this.control = new ServiceEndpoint("control", settings.host(), settings.controlPort(), 1, exchange -> {
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      int status = 200;
      if (path.equals("/ground-truth")) {
        body = groundTruth().toJson().getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("/health")) {
        body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
      } else {
        status = 404;
        body = "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    this.trafficRandom = new java.util.SplittableRandom(settings.seed() ^ 0x74726166L);
    this.clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "simulator-clock"));
    this.traffic = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(TRAFFIC_QUEUE),
        r -> daemon(r, "simulator-traffic"));
  }

  /** Binds every port and starts the clock; on failure releases what it took and rethrows. */
  public static LiveSimulation start(Settings settings) {
    LiveSimulation simulation = new LiveSimulation(settings);
    try {
      simulation.workers.values().forEach(w -> w.endpoint().start());
      simulation.backend.endpoint().start();
      simulation.control.start();
      simulation.reserveNeverStartedPorts();
    } catch (RuntimeException e) {
      simulation.close();
      throw e;
    }
    simulation.begin();
    return simulation;
  }

  /**
   * Holds the port of each target never started, bound without listening (no SO_REUSEADDR), so that
   * a scrape of it is refused as with nothing behind it, and no server started meanwhile on this
   * machine (another test's stack) can take it and answer in its place. A port already taken is
   * reported and left alone.
   */
  private void reserveNeverStartedPorts() {
    for (Topology.WorkerTarget target : settings.scenario().topology().orElseThrow().workers()) {
      if (target.started() || target.port() == 0) {
        continue;
      }
      java.net.Socket socket = new java.net.Socket();
      try {
        socket.setReuseAddress(false);
        socket.bind(new java.net.InetSocketAddress(settings.host(), target.port()));
        reservedPorts.add(socket);
      } catch (java.io.IOException e) {
        System.err.println("simulator: port " + target.port() + " of " + target.name()
            + " (never started) is in use by another process: " + e.getMessage());
        try {
          socket.close();
        } catch (java.io.IOException ignored) {
          // nothing held
        }
      }
    }
  }

  private void begin() {
    clockStartNanos = System.nanoTime();
    wallStart = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    lastTickNanos = clockStartNanos;
    metrics.workers(model.workerStatuses());
    for (SimulatedWorker worker : workers.values()) {
      submit(() -> register(worker));
    }
    long tickMillis = Math.max(1, settings.tick().toMillis());
    clock.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
  }

  public int backendPort() {
    return backend.endpoint().port();
  }

  public int controlPort() {
    return control.port();
  }

  public Map<String, Integer> workerPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    workers.forEach((name, worker) -> ports.put(name, worker.endpoint().port()));
    return ports;
  }

  public GroundTruth groundTruth() {
    return recorder.snapshot(Instant.now(), spans.exported(), spans.dropped());
  }

  /** Traffic calls dropped because the traffic pool fell behind. */
  public long trafficDropped() {
    return trafficDropped.get();
  }

  private Instant wallTimeOf(Instant modelTime) {
    long offsetMillis = modelTime.toEpochMilli() - modelStart.toEpochMilli();
    // A ground truth asked for while ports are still being bound: the clock is about to begin.
    Instant clockBegan = wallStart == null ? Instant.now() : wallStart;
    return clockBegan.plusMillis(Math.round(offsetMillis / settings.timeScale()));
  }

  private double currentHttpErrorRatio() {
    long offset = recorder.modelTime().toEpochMilli() - modelStart.toEpochMilli();
    return settings.scenario().phaseAt(offset)
        .map(Scenario.Phase::httpErrorRatio)
        .filter(r -> r != null)
        .orElse(settings.scenario().httpErrorRatio());
  }

  // ---- the clock ----

  private void tick() {
    try {
      long nowNanos = System.nanoTime();
      Instant modelTarget = modelStart.plusNanos((long) ((nowNanos - clockStartNanos) * settings.timeScale()));
      synchronized (model) {
        if (closed) {
          return;
        }
        model.advanceTo(modelTarget, this::apply);
        recorder.reached(modelTarget);
      }
      double seconds = (nowNanos - lastTickNanos) / 1e9;
      lastTickNanos = nowNanos;
      advanceProcesses(seconds);
      if (settings.backgroundTraffic()) {
        backgroundTraffic(seconds, nowNanos);
      }
      // On a terminal the line is rewritten every second; in a log (compose) a full line every 15 s.
      long every = INTERACTIVE ? 1_000_000_000L : 15_000_000_000L;
      if (settings.statusLine() != null && nowNanos - lastStatusNanos >= every) {
        lastStatusNanos = nowNanos;
        settings.statusLine().print(INTERACTIVE ? "\r" + statusLine() + "   " : statusLine() + "\n");
        settings.statusLine().flush();
      }
    } catch (RuntimeException e) {
      // The clock must keep running: one bad tick is logged, not fatal.
      System.err.println("simulator tick failed: " + e);
    }
  }

  /** One line for the terminal: operations done and active, workers up, spans. */
  public String statusLine() {
    return String.format(Locale.ROOT, "model %s | operations done %d, active %d | workers up %d/%d | spans exported %d, dropped %d",
        recorder.modelTime().toString().substring(0, 19), recorder.operationsEnded(), recorder.activeOperations(),
        recorder.workersAnswering(), workers.size(), spans.exported(), spans.dropped());
  }

  private void apply(ModelEvent event) {
    recorder.record(event);
    metrics.record(event, model.workerStatuses());
    if (event instanceof OperationStarted) {
      if (((OperationStarted) event).operation().type().countedOn() != OperationType.CountedOn.UNSCRAPED) {
        handOver(((OperationStarted) event).operation(), event);
      }
    } else if (event instanceof OperationRejected) {
      handOver(((OperationRejected) event).operation(), event);
    } else if (event instanceof OperationEnded) {
      OperationEnded ended = (OperationEnded) event;
      CompletableFuture<Void> handOver = handOvers.remove(ended.operation().id());
      Runnable finish = () -> {
        if (ended.worker() != null) {
          workers.get(ended.worker()).finish(ended.operation().id(), ended.status(), ended.error());
        } else {
          backend.finish(ended.operation(), ended.status(), ended.error());
        }
      };
      if (handOver == null) {
        finish.run();
      } else {
        handOver.whenComplete((ignored, error) -> finish.run());
      }
    } else if (event instanceof WorkerEndpointChanged) {
      WorkerEndpointChanged changed = (WorkerEndpointChanged) event;
      SimulatedWorker worker = workers.get(changed.worker());
      if (changed.answering()) {
        worker.endpoint().start();
        submit(() -> register(worker));
      } else {
        worker.endpoint().stop();
      }
    }
  }

  /**
   * The start request from a client to the backend: the UI, with no trace of its own, or for some
   * operations KTRDR's command-line client, whose {@code cli.<command>} span is then the trace's
   * root and travels in {@code traceparent}.
   */
  private void handOver(Operation operation, ModelEvent decision) {
    backend.expect(decision);
    Optional<String> cliCommand = CommandLineClient.commandStarting(operation);
    CompletableFuture<Void> call = submit(() -> {
      java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(backend.uri(operation.type().startPath()))
          .timeout(Duration.ofSeconds(10))
          .header(Services.OPERATION_HEADER, operation.id())
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
              "{\"symbol\":\"" + operation.symbol() + "\",\"timeframe\":\"" + operation.timeframe() + "\"}"));
      Span command = cliCommand.map(name -> cli.spanBuilder(name).startSpan()).orElse(Span.getInvalid());
      try (Scope ignored = command.makeCurrent()) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, (builder, key, value) -> builder.header(key, value));
        // A start answered 500 is sent again (an error storm); 503, no worker free, is final.
        for (int attempt = 1; ; attempt++) {
          int status = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status != 500 || attempt == ApiTraffic.MAX_ATTEMPTS) {
            break;
          }
          Thread.sleep(ApiTraffic.RETRY_DELAY.toMillis());
        }
      } catch (java.io.IOException e) {
        // the backend was stopped under us (shutdown); nothing to report
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        command.end();
      }
    });
    if (decision instanceof OperationStarted) {
      handOvers.put(operation.id(), call);
    }
  }

  /** Registers a worker with the backend, again while it answers 500 (an error storm). */
  private void register(SimulatedWorker worker) {
    String body = "{\"worker_id\":\"" + worker.spec().id() + "\",\"worker_type\":\"" + worker.spec().type().label()
        + "\",\"endpoint_url\":\"http://" + worker.spec().name() + ":" + worker.endpoint().port() + "\"}";
    for (int attempt = 1; worker.http().call("POST", backend.uri(ApiTraffic.REGISTER), body) == 500
        && attempt < ApiTraffic.MAX_ATTEMPTS; attempt++) {
      try {
        Thread.sleep(ApiTraffic.RETRY_DELAY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }



  private void advanceProcesses(double seconds) {
    List<Activity> backendActivities = new ArrayList<>();
    for (int i = 0; i < recorder.activeOnBackend(); i++) {
      backendActivities.add(Activity.BACKEND_OPERATION);
    }
    backend.process().advance(seconds, backendActivities, backend.takeRequestCount());
    for (SimulatedWorker worker : workers.values()) {
      List<Activity> activities = worker.busy()
          ? List.of(worker.spec().type() == WorkerType.TRAINING ? Activity.TRAINING : Activity.BACKTEST)
          : List.of();
      worker.process().advance(seconds, activities, worker.takeRequestCount());
    }
  }

  /**
   * Polls, listings and health checks of {@code seconds} of wall time. Clients poll and list at
   * their rates in model time, as history records them, so the traffic keeps its proportion to the
   * operations at any time scale (thinned to {@link ApiTraffic#MAX_WALL_REQUESTS_PER_SECOND}).
   */
  private void backgroundTraffic(double seconds, long nowNanos) {
    List<String> active = recorder.activeOperationIds();
    double modelSeconds = seconds * settings.timeScale();
    double polls = ApiTraffic.pollsExpected(active.size(), modelSeconds);
    double listings = ApiTraffic.LISTINGS_PER_SECOND * modelSeconds;
    double workerListings = ApiTraffic.WORKER_LISTINGS_PER_SECOND * modelSeconds;
    double share = ApiTraffic.wallShare(polls + listings + workerListings, seconds);
    for (int i = ApiTraffic.poisson(trafficRandom, polls * share); i > 0; i--) {
      String id = trafficRandom.nextDouble() < ApiTraffic.UNKNOWN_POLL_SHARE || active.isEmpty()
          ? "op_unknown_" + trafficRandom.nextInt(1000)
          : active.get(trafficRandom.nextInt(active.size()));
      submit(() -> get(backend.uri(ApiTraffic.OPERATION_PREFIX + id)));
    }
    for (int i = ApiTraffic.poisson(trafficRandom, listings * share); i > 0; i--) {
      submit(() -> get(backend.uri(ApiTraffic.OPERATIONS)));
    }
    for (int i = ApiTraffic.poisson(trafficRandom, workerListings * share); i > 0; i--) {
      submit(() -> get(backend.uri(ApiTraffic.WORKERS)));
    }
    if (nowNanos - lastHealthCheckNanos >= HEALTH_CHECK_INTERVAL_WALL.toNanos()) {
      lastHealthCheckNanos = nowNanos;
      for (SimulatedWorker worker : workers.values()) {
        submit(() -> backend.http().call("GET",
            URI.create("http://" + SimulatedBackend.connectHost(settings.host()) + ":" + worker.endpoint().port() + "/health"), null));
      }
    }
  }

  private void get(URI uri) {
    try {
      client.send(java.net.http.HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
    } catch (java.io.IOException e) {
      // background traffic: a failed poll changes nothing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletableFuture<Void> submit(Runnable call) {
    if (closed) {
      return CompletableFuture.completedFuture(null);
    }
    try {
      return CompletableFuture.runAsync(call, traffic);
    } catch (RejectedExecutionException e) {
      trafficDropped.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Stops the clock and traffic, ends open spans, flushes them (at most a few seconds) and frees the ports. */
  @Override
  public void close() {
    synchronized (model) {
      if (closed) {
        return;
      }
      closed = true;
    }
    clock.shutdownNow();
    traffic.shutdownNow();
    try {
      clock.awaitTermination(1, TimeUnit.SECONDS);
      traffic.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.values().forEach(SimulatedWorker::abandonAll);
    backend.abandonAll();
    spans.close(Duration.ofSeconds(3));
    backendMeterProvider.close();
    control.stop();
    for (java.net.Socket socket : reservedPorts) {
      try {
        socket.close();
      } catch (java.io.IOException ignored) {
        // released either way
      }
    }
    backend.endpoint().stop();
    workers.values().forEach(w -> w.endpoint().stop());
    if (settings.statusLine() != null) {
      settings.statusLine().println();
      settings.statusLine().println(statusLine());
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

}

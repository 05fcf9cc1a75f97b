package io.ktrdr.observability.simulator;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.simulator.live.LiveSimulation;
import io.ktrdr.observability.simulator.model.Scenario;
import io.ktrdr.observability.simulator.model.WorkerSpec;
import io.ktrdr.observability.simulator.model.WorkerType;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated KTRDR: a backend and its workers, each on its own port, emitting KTRDR's metrics
 * and spans for a seeded workload.
 *
 * <pre>{@code
 * try (RunningSimulator sim = Simulator.builder()
 *     .host("127.0.0.1").anyFreePorts()
 *     .scenario(Scenario.named("worker-outage"))
 *     .seed(7).timeScale(60)
 *     .build().start()) {
 *   URI metrics = sim.backendMetricsUri();
 *   GroundTruth truth = sim.groundTruth();
 * }
 * }</pre>
 */
public final class Simulator {

  /** Default bind host: every interface, as the compose service needs. */
  public static final String DEFAULT_HOST = "0.0.0.0";
  /** Default backend port, as KTRDR's. */
  public static final int DEFAULT_BACKEND_PORT = 8000;
  /** Default port of the ground-truth endpoint. */
  public static final int DEFAULT_CONTROL_PORT = 8090;
  /** Default OTLP endpoint when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is not set (HTTP/protobuf). */
  public static final String DEFAULT_OTLP_ENDPOINT = "http://localhost:4318";
  /** Default seed. */
  public static final long DEFAULT_SEED = 1;

  /** The four workers of KTRDR's local development setup, with their default ports. */
  public static final Map<String, Integer> DEFAULT_WORKER_PORTS = defaultWorkerPorts();

  private final LiveSimulation.Settings settings;

  private Simulator(LiveSimulation.Settings settings) {
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds all ports and starts the run.
   *
   * @throws io.ktrdr.observability.simulator.telemetry.ServiceEndpoint.EndpointException when a port is taken
   */
  public RunningSimulator start() {
    return new RunningSimulator(LiveSimulation.start(settings));
  }

  private static Map<String, Integer> defaultWorkerPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("backtest-worker-1", 5003);
    ports.put("backtest-worker-2", 5004);
    ports.put("training-worker-1", 5005);
    ports.put("training-worker-2", 5006);
    return java.util.Collections.unmodifiableMap(ports);
  }

  /** The OTLP span exporter set the OpenTelemetry way: endpoint and protocol ({@code grpc} or {@code http/protobuf}). */
  public static SpanExporter otlpExporter(String endpoint, String protocol) {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(protocol, "protocol");
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    // No retries: a failed batch is counted as dropped at once, and shutdown stays quick.
    switch (protocol) {
      case "http/protobuf":
        return OtlpHttpSpanExporter.builder()
            .setEndpoint(base + "/v1/traces")
            .setTimeout(Duration.ofSeconds(3))
            .setConnectTimeout(Duration.ofSeconds(1))
            .setRetryPolicy(null)
            .build();
      case "grpc":
        return OtlpGrpcSpanExporter.builder()
            .setEndpoint(base)
            .setTimeout(Duration.ofSeconds(3))
            .setConnectTimeout(Duration.ofSeconds(1))
            .setRetryPolicy(null)
            .build();
      default:
        throw new IllegalArgumentException("unknown OTLP protocol: " + protocol + " (use grpc or http/protobuf)");
    }
  }

  /** Builds a simulator; every setting has a default matching KTRDR's local development setup. */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private Scenario scenario = Scenario.named("steady");
    private double timeScale = 1.0;
    private String host = DEFAULT_HOST;
    private int backendPort = DEFAULT_BACKEND_PORT;
    private final Map<String, Integer> workerPorts = new LinkedHashMap<>(DEFAULT_WORKER_PORTS);
    private final Map<String, String> workerIds = new LinkedHashMap<>();
    private int controlPort = DEFAULT_CONTROL_PORT;
    private SpanExporter spanExporter;
    private String serviceVersion = "1.0.0";
    private String environment = "development";
    private Duration tick = Duration.ofMillis(20);
    private boolean backgroundTraffic = true;
    private PrintStream statusLine;

    private Builder() {}

    /** Same seed and scenario give the same operations and outcomes. Default {@value #DEFAULT_SEED}. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder scenario(Scenario scenario) {
      this.scenario = requireNonNull(scenario, "scenario");
      return this;
    }

    /** Model seconds per wall second; default 1. Metrics keep model durations, spans use wall time. */
    public Builder timeScale(double timeScale) {
      if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
        throw new IllegalArgumentException("timeScale must be a positive number: " + timeScale);
      }
      this.timeScale = timeScale;
      return this;
    }

    /** Bind host of every port; default {@value #DEFAULT_HOST}. */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host");
      return this;
    }

    public Builder backendPort(int port) {
      this.backendPort = checkPort("backendPort", port);
      return this;
    }

    /** Port of a worker; a new name adds a worker (its type from the name: {@code training-...} or else backtesting). */
    public Builder workerPort(String worker, int port) {
      requireNonNull(worker, "worker");
      workerPorts.put(worker, checkPort("port of " + worker, port));
      return this;
    }

    /** Sets the workers, replacing the default four: names in order, types from the names. */
    public Builder workers(Map<String, Integer> portsByWorker) {
      requireNonNull(portsByWorker, "portsByWorker");
      if (portsByWorker.isEmpty()) {
        throw new IllegalArgumentException("workers must not be empty");
      }
      workerPorts.clear();
      portsByWorker.forEach(this::workerPort);
      return this;
    }

    /** A fixed worker id instead of 8 hex characters drawn from the seed. */
    public Builder workerId(String worker, String id) {
      workerIds.put(requireNonNull(worker, "worker"), requireNonNull(id, "id"));
      return this;
    }

    public Builder controlPort(int port) {
      this.controlPort = checkPort("controlPort", port);
      return this;
    }

    /**
     * Ports free on loopback now everywhere, below the ephemeral range (see {@link FreePorts});
     * read them from the running simulator.
     */
    public Builder anyFreePorts() {
      int[] ports = FreePorts.choose(workerPorts.size() + 2);
      backendPort = ports[0];
      controlPort = ports[1];
      int next = 2;
      for (Map.Entry<String, Integer> worker : workerPorts.entrySet()) {
        worker.setValue(ports[next++]);
      }
      return this;
    }

    /** Where spans go; default an OTLP exporter set from the environment (see {@link #otlp}). */
    public Builder spanExporter(SpanExporter exporter) {
      this.spanExporter = requireNonNull(exporter, "exporter");
      return this;
    }

    /** Spans over OTLP to {@code endpoint} with {@code protocol} ({@code grpc} or {@code http/protobuf}). */
    public Builder otlp(String endpoint, String protocol) {
      this.spanExporter = otlpExporter(endpoint, protocol);
      return this;
    }

    public Builder serviceVersion(String version) {
      this.serviceVersion = requireNonNull(version, "version");
      return this;
    }

    /** The {@code deployment.environment} resource attribute; default {@code development}. */
    public Builder environment(String environment) {
      this.environment = requireNonNull(environment, "environment");
      return this;
    }

    /** How often the clock advances the model; default 20 ms. */
    public Builder tick(Duration tick) {
      requireNonNull(tick, "tick");
      if (tick.isZero() || tick.isNegative()) {
        throw new IllegalArgumentException("tick must be positive: " + tick);
      }
      this.tick = tick;
      return this;
    }

    /** Status polls, listing and health checks besides operations; default on. */
    public Builder backgroundTraffic(boolean enabled) {
      this.backgroundTraffic = enabled;
      return this;
    }

    /** Prints a one-line status to this stream every second; default none. */
    public Builder statusLine(PrintStream out) {
      this.statusLine = out;
      return this;
    }

    public Simulator build() {
      SpanExporter exporter = spanExporter;
      if (exporter == null) {
        String endpoint = System.getenv().getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", DEFAULT_OTLP_ENDPOINT);
        String protocol = System.getenv().getOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        exporter = otlpExporter(endpoint, protocol);
      }
      List<WorkerSpec> workers = workerSpecs(seed, workerPorts, workerIds);
      new io.ktrdr.observability.simulator.model.WorkloadModel(scenario, seed, java.time.Instant.EPOCH, workers); // checks outages name workers
      return new Simulator(new LiveSimulation.Settings(seed, scenario, timeScale, host, backendPort, workers,
          Map.copyOf(workerPorts), controlPort, exporter, serviceVersion, environment, tick, backgroundTraffic, statusLine));
    }

    private static int checkPort(String field, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(field + " must be between 0 and 65535: " + port);
      }
      return port;
    }
  }

  /** Workers with ids drawn from the seed unless configured, types from their names. */
  public static List<WorkerSpec> workerSpecs(long seed, Map<String, Integer> workerPorts, Map<String, String> fixedIds) {
    SplittableRandom ids = new SplittableRandom(seed ^ 0x776f726b6572L);
    List<WorkerSpec> specs = new ArrayList<>();
    for (String name : workerPorts.keySet()) {
      String drawn = String.format(Locale.ROOT, "%08x", ids.nextInt());
      WorkerType type = name.startsWith("training") ? WorkerType.TRAINING : WorkerType.BACKTESTING;
      specs.add(new WorkerSpec(name, type, fixedIds.getOrDefault(name, drawn)));
    }
    return specs;
  }
}

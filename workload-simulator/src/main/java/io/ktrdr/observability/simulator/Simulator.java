package io.ktrdr.observability.simulator;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.simulator.live.LiveSimulation;
import io.ktrdr.observability.simulator.model.KtrdrDefects;
import io.ktrdr.observability.simulator.model.Scenario;
import io.ktrdr.observability.simulator.model.Topology;
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

  /** The worker type a worker named without one gets: training if the name starts with {@code training}. */
  public static WorkerType typeFromName(String worker) {
    return worker.startsWith("training") ? WorkerType.TRAINING : WorkerType.BACKTESTING;
  }

  /** Running workers on these ports, types from their names, as a topology called {@code custom}. */
  public static Topology topologyOf(Map<String, Integer> portsByWorker) {
    List<Topology.WorkerTarget> targets = new ArrayList<>();
    portsByWorker.forEach((name, port) -> targets.add(Topology.WorkerTarget.running(name, typeFromName(name), name, port)));
    return new Topology("custom", targets);
  }

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
    Topology.local().workers().forEach(w -> ports.put(w.name(), w.port()));
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
    /** The builder's own worker targets; null: the scenario's topology, else KTRDR's local four. */
    private Topology topology;
    /** Ports set by name: a target's port, or a running worker added to the topology. */
    private final Map<String, Integer> workerPorts = new LinkedHashMap<>();
    private final Map<String, String> workerIds = new LinkedHashMap<>();
    private KtrdrDefects ktrdrDefects;
    private boolean anyFreePorts;
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

    /**
     * Port of a worker target; a name the topology does not have adds a running worker (its type
     * from the name: {@code training-...} or else backtesting).
     */
    public Builder workerPort(String worker, int port) {
      requireNonNull(worker, "worker");
      workerPorts.put(worker, checkPort("port of " + worker, port));
      return this;
    }

    /** Sets the workers, replacing the default four: names in order, types from the names, all running. */
    public Builder workers(Map<String, Integer> portsByWorker) {
      requireNonNull(portsByWorker, "portsByWorker");
      if (portsByWorker.isEmpty()) {
        throw new IllegalArgumentException("workers must not be empty");
      }
      portsByWorker.forEach((name, port) -> checkPort("port of " + name, port));
      return topology(topologyOf(portsByWorker));
    }

    /**
     * The worker targets to play, with their types, ports, and which never start or stop for good
     * (e.g. {@link Topology#homelab()}); wins over the scenario's topology. Default: the scenario's,
     * else KTRDR's local four.
     */
    public Builder topology(Topology topology) {
      this.topology = requireNonNull(topology, "topology");
      workerPorts.clear();
      return this;
    }

    /**
     * Which KTRDR to play: {@link KtrdrDefects#CURRENT} (today's, its orphan detector's spurious
     * failures and negative active gauge included) or {@link KtrdrDefects#FIXED}. Wins over the
     * scenario's {@code ktrdrDefects}, which defaults to {@code current}.
     */
    public Builder ktrdrDefects(KtrdrDefects defects) {
      this.ktrdrDefects = requireNonNull(defects, "defects");
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
     * Ports free on loopback now everywhere (backend, control, every worker target, also those
     * never started), below the ephemeral range (see {@link FreePorts}), chosen at {@link #build()}
     * and winning over ports set by name; read them from the running simulator.
     */
    public Builder anyFreePorts() {
      this.anyFreePorts = true;
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
      Topology targets = resolveTopology(topology == null ? scenario.topology().orElse(Topology.local()) : topology, workerPorts);
      int backend = backendPort;
      int control = controlPort;
      if (anyFreePorts) {
        int[] ports = FreePorts.choose(targets.workers().size() + 2);
        backend = ports[0];
        control = ports[1];
        List<Topology.WorkerTarget> free = new ArrayList<>();
        for (int i = 0; i < targets.workers().size(); i++) {
          free.add(targets.workers().get(i).withPort(ports[i + 2]));
        }
        targets = new Topology(targets.name(), free);
      }
      Scenario played = scenario.withTopology(targets)
          .withKtrdrDefects(ktrdrDefects == null ? scenario.ktrdrDefects() : ktrdrDefects);
      List<WorkerSpec> workers = workerSpecs(seed, targets.started(), workerIds);
      Map<String, Integer> ports = new LinkedHashMap<>();
      targets.started().forEach(w -> ports.put(w.name(), w.port()));
      // Checks that outages and stops name started workers.
      new io.ktrdr.observability.simulator.model.WorkloadModel(played, seed, java.time.Instant.EPOCH, workers, stops(targets));
      return new Simulator(new LiveSimulation.Settings(seed, played, timeScale, host, backend, workers,
          ports, control, exporter, serviceVersion, environment, tick, backgroundTraffic, statusLine));
    }

    private static int checkPort(String field, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(field + " must be between 0 and 65535: " + port);
      }
      return port;
    }
  }

  /** The started workers, with ids drawn from the seed unless configured. */
  public static List<WorkerSpec> workerSpecs(long seed, List<Topology.WorkerTarget> started, Map<String, String> fixedIds) {
    SplittableRandom ids = new SplittableRandom(seed ^ 0x776f726b6572L);
    List<WorkerSpec> specs = new ArrayList<>();
    for (Topology.WorkerTarget target : started) {
      String drawn = String.format(Locale.ROOT, "%08x", ids.nextInt());
      specs.add(new WorkerSpec(target.name(), target.type(), fixedIds.getOrDefault(target.name(), drawn)));
    }
    return specs;
  }

  /** When each worker that stops for good stops, from the start of the run. */
  public static Map<String, Duration> stops(Topology topology) {
    Map<String, Duration> stops = new LinkedHashMap<>();
    topology.workers().forEach(w -> w.stopTime().ifPresent(at -> stops.put(w.name(), at)));
    return stops;
  }

  /** {@code base} with ports set by name: a target's port, or a running worker added (type from its name). */
  public static Topology resolveTopology(Topology base, Map<String, Integer> portsByName) {
    List<Topology.WorkerTarget> targets = new ArrayList<>(base.workers());
    portsByName.forEach((name, port) -> {
      int index = -1;
      for (int i = 0; i < targets.size(); i++) {
        if (targets.get(i).name().equals(name)) {
          index = i;
        }
      }
      if (index >= 0) {
        targets.set(index, targets.get(index).withPort(port));
      } else {
        targets.add(Topology.WorkerTarget.running(name, typeFromName(name), name, port));
      }
    });
    return new Topology(base.name(), targets);
  }
}

package io.ktrdr.observability.simulator;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.simulator.model.ModelEvent;
import io.ktrdr.observability.simulator.model.Scenario;
import io.ktrdr.observability.simulator.model.WorkerSpec;
import io.ktrdr.observability.simulator.model.WorkerType;
import io.ktrdr.observability.simulator.model.WorkloadModel;
import io.ktrdr.observability.simulator.model.KtrdrDefects;
import io.ktrdr.observability.simulator.model.Topology;
import io.ktrdr.observability.simulator.telemetry.AgentMetrics;
import io.ktrdr.observability.simulator.telemetry.EventMetrics;
import io.ktrdr.observability.simulator.telemetry.KtrdrMetrics;
import io.ktrdr.observability.simulator.telemetry.SimulatedProcess;
import io.ktrdr.observability.simulator.telemetry.SimulatedProcess.Activity;
import io.ktrdr.observability.simulator.telemetry.ApiTraffic;
import io.ktrdr.observability.simulator.telemetry.HttpServerMetrics;
import io.ktrdr.observability.simulator.telemetry.HttpTelemetry;
import io.ktrdr.observability.simulator.telemetry.ScrapeEndpoint;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.metrics.ExemplarFilter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.SplittableRandom;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes past activity of the simulated KTRDR in the OpenMetrics text format that
 * {@code promtool tsdb create-blocks-from openmetrics} imports: the same workload model and the
 * same metric classes as a live run, sampled every {@code step} as Prometheus would scrape them.
 *
 * <p>There is no scrape, so every series carries the labels Prometheus would add to its target
 * ({@code job}, {@code instance}, {@code environment}, {@code service}, {@code service_type} and,
 * on workers, {@code worker_type}), as the generated {@code prometheus.yml} does, and each target
 * gets an {@code up} series (0 while a worker is in an outage, when its scrape would fail, and
 * throughout for a target never started). As a live run, each worker's series carry the {@code
 * ktrdr_*} families of the operations it ran, the backend's those it ran itself and, with {@link
 * KtrdrDefects#CURRENT}, the orphan detector's spurious failures of worker-run ones.
 * On request ({@link Builder#httpMetrics}), the backend's HTTP request durations and active
 * requests come from the same instruments as a live run, fed with the requests the model implies
 * (starts, polls, listing, registration, scrapes) and drawn latencies. The business counters and
 * histograms carry their {@code _created} series, as a live scrape does. Left out: the HTTP size
 * histograms, {@code target_info} and the {@code python_*} runtime series.
 */
public final class HistoryWriter {

  /** Default scrape step, as KTRDR's Prometheus scrapes. */
  public static final Duration DEFAULT_STEP = Duration.ofSeconds(15);

  private final Scenario scenario;
  private final long seed;
  // (scenario: the builder's, on this writer's topology and with its ktrdrDefects)
  private final Instant end;
  private final Duration span;
  private final Duration step;
  private final String environment;
  private final String backendInstance;
  private final Topology topology;
  private final boolean httpMetrics;

  private HistoryWriter(Builder builder) {
    this.seed = builder.seed;
    this.end = builder.end;
    this.span = builder.span;
    this.step = builder.step;
    this.environment = builder.environment;
    this.backendInstance = builder.backendInstance;
    this.topology = builder.topology != null ? builder.topology : builder.scenario.topology().orElse(Topology.local());
    this.scenario = builder.scenario.withTopology(topology)
        .withKtrdrDefects(builder.ktrdrDefects != null ? builder.ktrdrDefects : builder.scenario.ktrdrDefects());
    this.httpMetrics = builder.httpMetrics;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What a write produced. */
  public record Summary(Path file, long samples, int series, Instant from, Instant to, GroundTruth groundTruth) {}

  /** Writes the history to {@code out}, through a temporary file so that nothing is half-written. */
  public Summary write(Path out) {
    requireNonNull(out, "out");
    Path absolute = out.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(absolute.getParent());
      temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
      Summary summary;
      try (Writer writer = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 20)) {
        summary = write(writer, absolute);
      }
      readableByAll(temp);
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write history to " + out + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the move took it, or it is gone
        }
      }
    }
  }

  /** A temporary file is private to its owner; the history is for promtool, perhaps in a container. */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its default permissions stand
    }
  }

  /** Writes the history to {@code writer}. */
  public Summary write(Writer writer, Path nameForSummary) throws IOException {
    long stepMillis = step.toMillis();
    long last = end.toEpochMilli() / stepMillis * stepMillis;
    long first = last - span.toMillis() / stepMillis * stepMillis;
    int steps = (int) ((last - first) / stepMillis) + 1;
    Instant start = Instant.ofEpochMilli(first);

    List<WorkerSpec> workers = Simulator.workerSpecs(seed, topology.started(), Map.of());
    WorkloadModel model = new WorkloadModel(scenario, seed, start, workers, Simulator.stops(topology));
    io.ktrdr.observability.simulator.live.GroundTruthRecorder recorder = new io.ktrdr.observability.simulator.live.GroundTruthRecorder(
        seed, scenario, topology, 1.0, start, workers, t -> t);

    List<Target> targets = new ArrayList<>();
    PrometheusRegistry backendRegistry = new PrometheusRegistry();
    SimulatedProcess backendProcess = SimulatedProcess.backend(first / 1000.0, seed);
    backendProcess.register(backendRegistry);
    KtrdrMetrics backendMetrics = new KtrdrMetrics(backendRegistry);
    AgentMetrics agentMetrics = new AgentMetrics(backendRegistry);
    targets.add(new Target(null, null, backendRegistry, backendProcess, Labels.of(
        "job", "ktrdr-backend", "instance", backendInstance, "environment", environment,
        "service", "backend", "service_type", "backend")));
    Map<String, KtrdrMetrics> workerMetrics = new LinkedHashMap<>();
    for (Topology.WorkerTarget target : topology.workers()) {
      WorkerSpec spec = workers.stream().filter(w -> w.name().equals(target.name())).findFirst().orElse(null);
      PrometheusRegistry registry = new PrometheusRegistry();
      SimulatedProcess process = null;
      if (spec != null) {
        process = SimulatedProcess.worker(spec, targets.size() - 1, first / 1000.0, seed);
        process.register(registry);
        workerMetrics.put(spec.name(), new KtrdrMetrics(registry));
      }
      targets.add(new Target(target, spec, registry, process, Labels.of(
          "job", "ktrdr-workers", "instance", target.name() + ":" + target.port(),
          "environment", environment, "service", target.name(), "service_type", "worker",
          "worker_type", target.type().label())));
    }
    EventMetrics metrics = new EventMetrics(backendMetrics, agentMetrics, workerMetrics, workers);
    metrics.workers(model.workerStatuses());
    RecordedRequests requests = httpMetrics ? new RecordedRequests(backendRegistry, backendInstance, seed) : null;
    if (requests != null) {
      workers.forEach(w -> requests.record("POST", ApiTraffic.REGISTER, 200, 5, 120, 17));
    }

    Series series = new Series(steps);
    double stepSeconds = stepMillis / 1000.0;
    for (int i = 0; i < steps; i++) {
      long t = first + i * stepMillis;
      double errorRatio = scenario.phaseAt(t - first).map(Scenario.Phase::httpErrorRatio).filter(r -> r != null)
          .orElse(scenario.httpErrorRatio());
      model.advanceTo(Instant.ofEpochMilli(t), (ModelEvent event) -> {
        recorder.record(event);
        metrics.record(event, model.workerStatuses());
        if (requests != null) {
          requests.record(event, errorRatio);
        }
      });
      if (requests != null && i > 0) {
        requests.background(stepSeconds, recorder.activeOperations(), errorRatio);
      }
      Map<String, Boolean> answering = model.workerAnswering();
      List<String> busy = model.busyWorkers();
      int backendOperations = recorder.activeOnBackend();
      for (Target target : targets) {
        if (target.target != null && target.worker == null) {
          // A target never started: Prometheus scrapes its port and finds nothing there.
          series.put("up", "gauge", "", target.labels, "up", Labels.EMPTY, i, 0);
          continue;
        }
        List<Activity> activities = new ArrayList<>();
        if (target.worker == null) {
          for (int k = 0; k < backendOperations; k++) {
            activities.add(Activity.BACKEND_OPERATION);
          }
        } else if (busy.contains(target.worker.name())) {
          activities.add(target.worker.type() == WorkerType.TRAINING ? Activity.TRAINING : Activity.BACKTEST);
        }
        // Health checks, scrapes and polls: a few requests a second on the backend.
        target.process.advance(i == 0 ? 0 : stepSeconds, activities, target.worker == null ? Math.round(stepSeconds * 1.5) : 1);
        boolean up = target.worker == null || answering.get(target.worker.name());
        series.put("up", "gauge", "", target.labels, "up", Labels.EMPTY, i, up ? 1 : 0);
        if (up) {
          sample(series, target, i, t / 1000.0);
        }
      }
    }
    recorder.reached(Instant.ofEpochMilli(last));
    long samples = series.write(writer, first, stepMillis);
    return new Summary(nameForSummary, samples, series.count(), start, Instant.ofEpochMilli(last),
        recorder.snapshot(Instant.ofEpochMilli(last), 0, 0));
  }

  /**
   * The target's registry at step {@code index}, scraped at {@code seconds}. Counters and
   * histograms that a live scrape writes {@code _created} for (those with a creation time: the
   * business metrics, not the process callbacks) get one here too, dated to the step where the
   * series first appears: a live series is created within the step before its first scrape.
   */
  private static void sample(Series series, Target target, int index, double seconds) {
    for (MetricSnapshot snapshot : target.registry.scrape()) {
      String name = snapshot.getMetadata().getPrometheusName();
      String help = snapshot.getMetadata().getHelp();
      if (name.startsWith("python_")) {
        continue;
      }
      if (snapshot instanceof CounterSnapshot) {
        for (CounterSnapshot.CounterDataPointSnapshot point : ((CounterSnapshot) snapshot).getDataPoints()) {
          Labels labels = merge(target.labels, point);
          series.put(name, "counter", help, labels, name + "_total", Labels.EMPTY, index, point.getValue());
          if (point.getCreatedTimestampMillis() != 0) {
            series.putCreated(name, "counter", help, labels, index, seconds);
          }
        }
      } else if (snapshot instanceof GaugeSnapshot) {
        for (GaugeSnapshot.GaugeDataPointSnapshot point : ((GaugeSnapshot) snapshot).getDataPoints()) {
          series.put(name, "gauge", help, merge(target.labels, point), name, Labels.EMPTY, index, point.getValue());
        }
      } else if (snapshot instanceof HistogramSnapshot) {
        for (HistogramSnapshot.HistogramDataPointSnapshot point : ((HistogramSnapshot) snapshot).getDataPoints()) {
          Labels labels = merge(target.labels, point);
          ClassicHistogramBuckets buckets = point.getClassicBuckets();
          long cumulative = 0;
          for (int b = 0; b < buckets.size(); b++) {
            cumulative += buckets.getCount(b);
            series.put(name, "histogram", help, labels, name + "_bucket", Labels.of("le", le(buckets.getUpperBound(b))), index, cumulative);
          }
          series.put(name, "histogram", help, labels, name + "_count", Labels.EMPTY, index, cumulative);
          series.put(name, "histogram", help, labels, name + "_sum", Labels.EMPTY, index, point.getSum());
          if (point.getCreatedTimestampMillis() != 0) {
            series.putCreated(name, "histogram", help, labels, index, seconds);
          }
        }
      }
    }
  }

  private static Labels merge(Labels target, DataPointSnapshot point) {
    return point.getLabels().merge(target);
  }

  private static String le(double bound) {
    return bound == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(bound);
  }

  /**
   * The backend's HTTP traffic of a step, recorded through the same OpenTelemetry instruments as a
   * live run: start requests from the model's events, polls, listing and the scrape itself.
   */
  private static final class RecordedRequests {
    private final HttpServerMetrics metrics;
    private final SplittableRandom random;
    private final String host;
    private final int port;

    RecordedRequests(PrometheusRegistry registry, String backendInstance, long seed) {
      PrometheusMetricReader reader = PrometheusMetricReader.builder().setOtelScopeLabelsEnabled(false)
          .setTargetInfoMetricEnabled(false).build();
      SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader)
          .setExemplarFilter(ExemplarFilter.alwaysOff()).build();
      ScrapeEndpoint.registerOpenTelemetry(registry, reader);
      this.metrics = new HttpServerMetrics(provider.get(HttpTelemetry.SERVER_SCOPE), false);
      this.random = new SplittableRandom(seed ^ 0x68747470L);
      this.host = backendInstance;
      int colon = backendInstance.lastIndexOf(':');
      this.port = colon < 0 ? 80 : Integer.parseInt(backendInstance.substring(colon + 1));
    }

    /** The requests behind a model event; starts and registrations answered 500 first are sent again, as live. */
    void record(ModelEvent event, double errorRatio) {
      if (event instanceof ModelEvent.OperationStarted
          && ((ModelEvent.OperationStarted) event).operation().type().countedOn() == io.ktrdr.observability.simulator.model.OperationType.CountedOn.UNSCRAPED) {
        return; // started in an agent worker: no request to the backend
      }
      if (event instanceof ModelEvent.OperationStarted) {
        boolean handedOver = ((ModelEvent.OperationStarted) event).worker() != null;
        String route = ((ModelEvent.OperationStarted) event).operation().type().startPath();
        failedAttempts("POST", route, errorRatio);
        record("POST", route, 200, handedOver ? 35 : 12, 64, 92);
      } else if (event instanceof ModelEvent.OperationRejected) {
        String route = ((ModelEvent.OperationRejected) event).operation().type().startPath();
        failedAttempts("POST", route, errorRatio);
        record("POST", route, 503, 6, 64, 48);
      } else if (event instanceof ModelEvent.WorkerEndpointChanged && ((ModelEvent.WorkerEndpointChanged) event).answering()) {
        failedAttempts("POST", ApiTraffic.REGISTER, errorRatio);
        record("POST", ApiTraffic.REGISTER, 200, 5, 120, 17);
      }
    }

    private void failedAttempts(String method, String route, double errorRatio) {
      for (int n = ApiTraffic.failedAttempts(random, errorRatio); n > 0; n--) {
        record(method, route, 500, 20, 64, 35);
      }
    }

    void background(double seconds, int activeOperations, double errorRatio) {
      for (int n = ApiTraffic.poisson(random, ApiTraffic.pollsExpected(activeOperations, seconds)); n > 0; n--) {
        if (random.nextDouble() < ApiTraffic.UNKNOWN_POLL_SHARE) {
          record("GET", ApiTraffic.OPERATION, 404, 2, 0, 52);
        } else {
          ordinary(ApiTraffic.OPERATION, 3, 240, errorRatio);
        }
      }
      for (int n = ApiTraffic.poisson(random, ApiTraffic.LISTINGS_PER_SECOND * seconds); n > 0; n--) {
        ordinary(ApiTraffic.OPERATIONS, 8, 60 + 180L * activeOperations, errorRatio);
      }
      for (int n = ApiTraffic.poisson(random, ApiTraffic.WORKER_LISTINGS_PER_SECOND * seconds); n > 0; n--) {
        ordinary(ApiTraffic.WORKERS, 4, 2, errorRatio);
      }
      record("GET", "/metrics/", 200, 6, 0, 160_000);
    }

    private void ordinary(String route, double medianMillis, long responseBytes, double errorRatio) {
      if (random.nextDouble() < errorRatio) {
        record("GET", route, random.nextBoolean() ? 500 : 503, 20, 0, 35);
      } else {
        record("GET", route, 200, medianMillis, 0, responseBytes);
      }
    }

    void record(String method, String route, int status, double medianMillis, long requestBytes, long responseBytes) {
      // No connection in history: the bind address stands for the connection's local address,
      // and the target's host:port is the Host header Prometheus and the workers send.
      Attributes request = HttpServerMetrics.requestAttributes(method, "0.0.0.0:" + port, host);
      metrics.started(request);
      metrics.ended(request, port, route, status, ApiTraffic.latencyMillis(random, medianMillis), requestBytes, responseBytes);
    }
  }

  /** A scrape target: the backend (no worker target), or a worker target, started (with a spec) or not. */
  private record Target(Topology.WorkerTarget target, WorkerSpec worker, PrometheusRegistry registry, SimulatedProcess process,
      Labels labels) {}

  /**
   * Samples held series-major, so that each family and each series is written in one piece, in
   * time order, as OpenMetrics requires. A series starts where it first appears.
   */
  private static final class Series {
    private final int steps;
    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<SeriesId, double[]> seriesById = new java.util.HashMap<>();
    private final Map<SeriesId, Double> createdSeconds = new java.util.HashMap<>();

    Series(int steps) {
      this.steps = steps;
    }

    void put(String family, String type, String help, Labels labels, String sampleName, Labels extra, int index, double value) {
      // Looked up by value, so the label text of a series is built once, not at every step.
      double[] values = seriesById.computeIfAbsent(new SeriesId(sampleName, labels, extra), id -> {
        Family f = families.computeIfAbsent(family, k -> new Family(type, help));
        String labelText = labelText(labels);
        Map<String, double[]> samples = f.metrics.computeIfAbsent(labelText, k -> new LinkedHashMap<>());
        String key = sampleName + "{" + (extra.isEmpty() ? labelText : labelText + "," + labelText(extra)) + "}";
        double[] fresh = new double[steps];
        Arrays.fill(fresh, Double.NaN);
        samples.put(key, fresh);
        return fresh;
      });
      values[index] = value;
    }

    /** The {@code _created} sample of a series: the time it was first put, at every step. */
    void putCreated(String family, String type, String help, Labels labels, int index, double seconds) {
      String sampleName = family + "_created";
      double created = createdSeconds.computeIfAbsent(new SeriesId(sampleName, labels, Labels.EMPTY), id -> seconds);
      put(family, type, help, labels, sampleName, Labels.EMPTY, index, created);
    }

    private record SeriesId(String sampleName, Labels labels, Labels extra) {}

    int count() {
      return families.values().stream().mapToInt(f -> f.metrics.values().stream().mapToInt(Map::size).sum()).sum();
    }

    long write(Writer out, long firstMillis, long stepMillis) throws IOException {
      long written = 0;
      StringBuilder line = new StringBuilder(256);
      for (Map.Entry<String, Family> family : families.entrySet()) {
        Family f = family.getValue();
        out.write("# TYPE " + family.getKey() + " " + f.type + "\n");
        if (!f.help.isEmpty()) {
          out.write("# HELP " + family.getKey() + " " + f.help.replace("\\", "\\\\").replace("\n", "\\n") + "\n");
        }
        for (Map<String, double[]> metric : f.metrics.values()) {
          // One metric (label set) at a time; a histogram's samples grouped per timestamp.
          for (int i = 0; i < steps; i++) {
            for (Map.Entry<String, double[]> sample : metric.entrySet()) {
              double value = sample.getValue()[i];
              if (Double.isNaN(value)) {
                continue;
              }
              line.setLength(0);
              line.append(sample.getKey()).append(' ');
              appendNumber(line, value);
              line.append(' ').append((firstMillis + i * stepMillis) / 1000);
              long millis = (firstMillis + i * stepMillis) % 1000;
              if (millis != 0) {
                line.append('.').append(String.format("%03d", millis));
              }
              line.append('\n');
              out.append(line);
              written++;
            }
          }
        }
      }
      out.write("# EOF\n");
      return written;
    }

    private static void appendNumber(StringBuilder out, double value) {
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        out.append((long) value);
      } else {
        out.append(value);
      }
    }

    private static String labelText(Labels labels) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < labels.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        text.append(labels.getPrometheusName(i)).append("=\"")
            .append(labels.getValue(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
      }
      return text.toString();
    }

    private static final class Family {
      final String type;
      final String help;
      final Map<String, Map<String, double[]>> metrics = new LinkedHashMap<>();

      Family(String type, String help) {
        this.type = type;
        this.help = help == null ? "" : help;
      }
    }
  }

  /** Builds a history writer; defaults: steady, seed 1, the last 7 days up to now, 15 s steps. */
  public static final class Builder {
    private Scenario scenario = Scenario.named("steady");
    private long seed = Simulator.DEFAULT_SEED;
    private Instant end = Instant.now();
    private Duration span = Duration.ofDays(7);
    private Duration step = DEFAULT_STEP;
    private String environment = "dev";
    private String backendInstance = "backend:8000";
    private Topology topology;
    private KtrdrDefects ktrdrDefects;
    private boolean httpMetrics;

    private Builder() {}

    /**
     * Whether to record the backend's HTTP request durations and active requests; default off,
     * as their long label sets more than double the file.
     */
    public Builder httpMetrics(boolean enabled) {
      this.httpMetrics = enabled;
      return this;
    }

    public Builder scenario(Scenario scenario) {
      this.scenario = requireNonNull(scenario, "scenario");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The last sample's time (rounded down to a step). */
    public Builder end(Instant end) {
      this.end = requireNonNull(end, "end");
      return this;
    }

    /** How far back the history reaches. */
    public Builder span(Duration span) {
      requireNonNull(span, "span");
      if (span.isNegative() || span.isZero()) {
        throw new IllegalArgumentException("span must be positive: " + span);
      }
      this.span = span;
      return this;
    }

    public Builder step(Duration step) {
      requireNonNull(step, "step");
      if (step.toMillis() < 1000) {
        throw new IllegalArgumentException("step must be at least 1s: " + step);
      }
      this.step = step;
      return this;
    }

    /** The {@code environment} target label; default {@code dev}, as the generated prometheus.yml. */
    public Builder environment(String environment) {
      this.environment = requireNonNull(environment, "environment");
      return this;
    }

    /** The backend's {@code instance} label; default {@code backend:8000}. */
    public Builder backendInstance(String instance) {
      this.backendInstance = requireNonNull(instance, "instance");
      return this;
    }

    /** Workers and the ports in their {@code instance} labels, all running; default the scenario's topology, else KTRDR's four. */
    public Builder workers(Map<String, Integer> portsByWorker) {
      requireNonNull(portsByWorker, "portsByWorker");
      if (portsByWorker.isEmpty()) {
        throw new IllegalArgumentException("workers must not be empty");
      }
      return topology(Simulator.topologyOf(portsByWorker));
    }

    /** Worker targets, ports in their {@code instance} labels; wins over the scenario's topology. */
    public Builder topology(Topology topology) {
      this.topology = requireNonNull(topology, "topology");
      return this;
    }

    /** Today's KTRDR or a fixed one; wins over the scenario's {@code ktrdrDefects} (default {@code current}). */
    public Builder ktrdrDefects(KtrdrDefects defects) {
      this.ktrdrDefects = requireNonNull(defects, "defects");
      return this;
    }

    public HistoryWriter build() {
      if (span.toMillis() / step.toMillis() > 10_000_000L) {
        throw new IllegalArgumentException("span " + span + " at step " + step + " is more than 10 million samples per series");
      }
      return new HistoryWriter(this);
    }
  }
}

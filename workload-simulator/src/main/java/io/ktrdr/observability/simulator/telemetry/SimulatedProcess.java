package io.ktrdr.observability.simulator.telemetry;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.SplittableRandom;

/**
 * The process one simulated service would be: one JVM plays five services, so each reports a
 * believable process of its own instead of the JVM's. CPU time grows with the work the service
 * does, resident memory follows its load (a training worker holds a model and its data), and the
 * series carry the names of the Python client's process and runtime collectors.
 */
public final class SimulatedProcess {

  /** What a service is doing, which sets how fast it burns CPU and how much memory it holds. */
  public enum Activity {
    IDLE(0.01, 0),
    BACKEND_OPERATION(0.15, 40e6),
    BACKTEST(0.70, 380e6),
    TRAINING(0.92, 1.35e9);

    final double cores;
    final double extraMemoryBytes;

    Activity(double cores, double extraMemoryBytes) {
      this.cores = cores;
      this.extraMemoryBytes = extraMemoryBytes;
    }
  }

  private static final double CPU_SECONDS_PER_REQUEST = 0.0025;
  private static final double MAX_FDS = 1_048_576;

  private final double baseMemoryBytes;
  private final double baseCores;
  private final double startTimeSeconds;
  private final SplittableRandom jitter;
  private double cpuSeconds;
  private double residentBytes;
  private double targetBytes;
  private double openFds;
  private final double baseFds;
  private double gcCollections;

  /** The backend's process: a FastAPI app started a few seconds before the run. */
  public static SimulatedProcess backend(double runStartSeconds, long seed) {
    return new SimulatedProcess(318e6, 0.03, 38, runStartSeconds - 8, seed ^ 0x6261636bL);
  }

  /** A worker's process; training workers import more, so they start larger. */
  public static SimulatedProcess worker(io.ktrdr.observability.simulator.model.WorkerSpec spec, int index,
      double runStartSeconds, long seed) {
    boolean training = spec.type() == io.ktrdr.observability.simulator.model.WorkerType.TRAINING;
    return new SimulatedProcess(training ? 262e6 : 231e6, 0.012, 21, runStartSeconds - 3 - index, seed ^ spec.name().hashCode());
  }

  /**
   * @param baseMemoryBytes resident memory when idle
   * @param baseCores CPU the service burns when idle (event loop, health checks)
   * @param startTimeSeconds process start, seconds since the epoch
   * @param seed jitter seed, so each service wobbles in its own way
   */
  public SimulatedProcess(double baseMemoryBytes, double baseCores, double baseFds, double startTimeSeconds, long seed) {
    this.baseMemoryBytes = baseMemoryBytes;
    this.baseCores = baseCores;
    this.baseFds = baseFds;
    this.startTimeSeconds = startTimeSeconds;
    this.jitter = new SplittableRandom(seed);
    this.residentBytes = baseMemoryBytes;
    this.targetBytes = baseMemoryBytes;
    this.openFds = baseFds;
    this.cpuSeconds = 0.8 + jitter.nextDouble(); // imports and start-up work
  }

  /**
   * Moves the process on by {@code seconds} of wall time during which it had {@code activities}
   * running and served {@code requests} HTTP requests.
   */
  public synchronized void advance(double seconds, Iterable<Activity> activities, long requests) {
    if (seconds <= 0 && requests == 0) {
      return;
    }
    double cores = baseCores;
    double extraMemory = 0;
    int running = 0;
    for (Activity activity : activities) {
      cores += activity.cores;
      extraMemory += activity.extraMemoryBytes;
      running++;
    }
    cores = Math.min(cores, 1.9) * (0.9 + 0.2 * jitter.nextDouble());
    cpuSeconds += cores * seconds + requests * CPU_SECONDS_PER_REQUEST;
    targetBytes = baseMemoryBytes + extraMemory;
    // Memory follows the load with some lag, as allocators and caches do.
    double pull = 1 - Math.exp(-seconds / 20.0);
    residentBytes += (targetBytes - residentBytes) * pull;
    residentBytes *= 1 + 0.004 * (jitter.nextDouble() - 0.5);
    openFds = baseFds + 3 * running + Math.min(20, requests);
    gcCollections += seconds * (0.5 + cores) + requests * 0.05;
  }

  public synchronized double cpuSeconds() {
    return cpuSeconds;
  }

  public synchronized double residentBytes() {
    return Math.round(residentBytes / 4096) * 4096.0;
  }

  public synchronized double virtualBytes() {
    return Math.round((residentBytes * 1.6 + 1.9e9) / 4096) * 4096.0;
  }

  public synchronized double openFds() {
    return Math.round(openFds);
  }

  public double startTimeSeconds() {
    return startTimeSeconds;
  }

  synchronized long gcCollections() {
    return (long) gcCollections;
  }

  /** Registers the Python client's process and runtime families, read from this process. */
  public void register(PrometheusRegistry registry) {
    CounterWithCallback.builder()
        .name("process_cpu_seconds_total")
        .help("Total user and system CPU time spent in seconds.")
        .callback(callback -> callback.call(cpuSeconds()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_virtual_memory_bytes")
        .help("Virtual memory size in bytes.")
        .callback(callback -> callback.call(virtualBytes()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_resident_memory_bytes")
        .help("Resident memory size in bytes.")
        .callback(callback -> callback.call(residentBytes()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_start_time_seconds")
        .help("Start time of the process since unix epoch in seconds.")
        .callback(callback -> callback.call(startTimeSeconds))
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_open_fds")
        .help("Number of open file descriptors.")
        .callback(callback -> callback.call(openFds()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("process_max_fds")
        .help("Maximum number of open file descriptors.")
        .callback(callback -> callback.call(MAX_FDS))
        .register(registry);
    // Python's gc collector: three generations, young ones collected most often.
    CounterWithCallback.builder()
        .name("python_gc_objects_collected_total")
        .help("Objects collected during gc")
        .labelNames("generation")
        .callback(callback -> {
          long collections = gcCollections();
          callback.call(collections * 310.0, "0");
          callback.call(collections / 10 * 95.0, "1");
          callback.call(collections / 100 * 20.0, "2");
        })
        .register(registry);
    CounterWithCallback.builder()
        .name("python_gc_objects_uncollectable_total")
        .help("Uncollectable objects found during GC")
        .labelNames("generation")
        .callback(callback -> {
          callback.call(0, "0");
          callback.call(0, "1");
          callback.call(0, "2");
        })
        .register(registry);
    CounterWithCallback.builder()
        .name("python_gc_collections_total")
        .help("Number of times this generation was collected")
        .labelNames("generation")
        .callback(callback -> {
          long collections = gcCollections();
          callback.call(collections, "0");
          callback.call(collections / 10, "1");
          callback.call(collections / 100, "2");
        })
        .register(registry);
    GaugeWithCallback.builder()
        .name("python_info")
        .help("Python platform information")
        .labelNames("implementation", "major", "minor", "patchlevel", "version")
        .callback(callback -> callback.call(1, "CPython", "3", "12", "8", "3.12.8"))
        .register(registry);
  }
}

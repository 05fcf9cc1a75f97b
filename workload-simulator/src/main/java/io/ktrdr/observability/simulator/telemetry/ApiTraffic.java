package io.ktrdr.observability.simulator.telemetry;

import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.WorkerType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The ordinary traffic of KTRDR's API besides starting operations: clients polling running
 * operations, the UI listing them, workers registering. Live runs send it; history records it.
 */
public final class ApiTraffic {

  public static final String OPERATIONS = "/api/v1/operations";
  public static final String OPERATION = "/api/v1/operations/{operation_id}";
  public static final String OPERATION_PREFIX = "/api/v1/operations/";
  public static final String WORKERS = "/api/v1/workers";
  public static final String REGISTER = "/api/v1/workers/register";
  public static final String HEALTH = "/api/v1/health";

  /**
   * The start routes of the backend by the operation type they start (contract, "Start endpoints");
   * fuzzy analyses start from either of two. {@code dummy} and {@code agent_research} are not
   * named by the contract; {@code agent_design} and {@code agent_assessment} have no route of
   * their own.
   */
  public static final Map<OperationType, List<String>> START_ROUTES = startRoutes();

  /**
   * Every route template of the simulated backend, as FastAPI matches them: a request to any other
   * path (an unmatched one, or the metrics app mounted at {@code /metrics}) carries no
   * {@code http_target}.
   */
  public static final Set<String> ROUTES = routes();

  /** Where the backend's metrics app is served: mounted at {@code /metrics}, so a route of none. */
  public static final String METRICS_MOUNT_PATH = "/metrics/";

  /** The routes of a worker: its metrics, its health and the start route of each worker type. */
  public static final Set<String> WORKER_ROUTES = workerRoutes();

  private static Set<String> workerRoutes() {
    Set<String> routes = new LinkedHashSet<>(List.of("/metrics", "/health"));
    for (WorkerType type : WorkerType.values()) {
      routes.add(type.startPath());
    }
    return Collections.unmodifiableSet(routes);
  }

  /** Whether {@code template} is one of the backend's routes ({@link #ROUTES}). */
  public static boolean isRoute(String template) {
    return template != null && ROUTES.contains(template);
  }

  /** The route that starts an operation of {@code type}; empty for a type with none. */
  public static Optional<String> startRoute(OperationType type, SplittableRandom random) {
    List<String> routes = START_ROUTES.getOrDefault(type, List.of());
    return routes.isEmpty() ? Optional.empty() : Optional.of(routes.get(routes.size() == 1 ? 0 : random.nextInt(routes.size())));
  }

  /** The operation type a start route starts, if {@code path} is one. */
  public static Optional<OperationType> startedBy(String path) {
    return START_ROUTES.entrySet().stream().filter(e -> e.getValue().contains(path)).map(Map.Entry::getKey).findFirst();
  }

  private static Map<OperationType, List<String>> startRoutes() {
    Map<OperationType, List<String>> routes = new EnumMap<>(OperationType.class);
    routes.put(OperationType.DATA_LOAD, List.of("/api/v1/data/acquire/download"));
    routes.put(OperationType.TRAINING, List.of("/api/v1/trainings/start"));
    routes.put(OperationType.BACKTESTING, List.of("/api/v1/backtests/start"));
    routes.put(OperationType.INDICATOR_COMPUTE, List.of("/api/v1/indicators/calculate"));
    routes.put(OperationType.FUZZY_ANALYSIS, List.of("/api/v1/fuzzy/data", "/api/v1/fuzzy/evaluate"));
    routes.put(OperationType.DUMMY, List.of("/api/v1/dummy/start"));
    routes.put(OperationType.AGENT_RESEARCH, List.of("/api/v1/agent/trigger"));
    return Collections.unmodifiableMap(routes);
  }

  private static Set<String> routes() {
    Set<String> routes = new LinkedHashSet<>(List.of(OPERATIONS, OPERATION, WORKERS, REGISTER, HEALTH));
    START_ROUTES.values().forEach(routes::addAll);
    return Collections.unmodifiableSet(routes);
  }

  /** Clients poll each running operation about every 2 s ... */
  public static final double POLLS_PER_ACTIVE_OPERATION_PER_SECOND = 0.5;
  /** ... up to this many polls a second in all. */
  public static final double MAX_POLLS_PER_SECOND = 20;
  /** Share of polls naming a finished or mistyped operation (404). */
  public static final double UNKNOWN_POLL_SHARE = 0.03;
  public static final double LISTINGS_PER_SECOND = 0.5;
  public static final double WORKER_LISTINGS_PER_SECOND = 0.05;
  /**
   * Clients send a request answered 500 again, at most this many times in all: a start or a
   * registration that failed in an error storm is retried, so the storm shows as 5xx on every route.
   */
  public static final int MAX_ATTEMPTS = 3;
  /** Wall time between attempts of a retried request. */
  public static final java.time.Duration RETRY_DELAY = java.time.Duration.ofMillis(100);

  /**
   * How many attempts a retried request fails before one succeeds, each failing at {@code errorRatio}:
   * 0 to {@link #MAX_ATTEMPTS} - 1 (the last attempt is answered, as the storm passes).
   */
  public static int failedAttempts(SplittableRandom random, double errorRatio) {
    int failed = 0;
    while (failed < MAX_ATTEMPTS - 1 && random.nextDouble() < errorRatio) {
      failed++;
    }
    return failed;
  }

  private ApiTraffic() {}

  /**
   * Ceiling of a live run's background requests per wall second: at a high time scale the model's
   * traffic is thinned to it, keeping its mix, so that a small machine keeps up.
   */
  public static final double MAX_WALL_REQUESTS_PER_SECOND = 50;

  /**
   * The share of {@code expectedRequests} (in {@code wallSeconds}) a live run sends: all of them up
   * to {@link #MAX_WALL_REQUESTS_PER_SECOND}, proportionally fewer above it.
   */
  public static double wallShare(double expectedRequests, double wallSeconds) {
    double ceiling = MAX_WALL_REQUESTS_PER_SECOND * wallSeconds;
    return expectedRequests <= ceiling ? 1 : ceiling / expectedRequests;
  }

  /** Status polls expected in {@code seconds} with {@code activeOperations} running. */
  public static double pollsExpected(int activeOperations, double seconds) {
    return Math.min(MAX_POLLS_PER_SECOND, activeOperations * POLLS_PER_ACTIVE_OPERATION_PER_SECOND) * seconds;
  }

  /** A log-normal latency around {@code medianMillis}, as request times spread. */
  public static double latencyMillis(SplittableRandom random, double medianMillis) {
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    double gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return medianMillis * Math.exp(0.6 * gaussian);
  }

  /** A Poisson draw (Knuth's method, bounded), for request counts. */
  public static int poisson(SplittableRandom random, double mean) {
    int count = 0;
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    while (product > limit && count < 10_000) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }
}

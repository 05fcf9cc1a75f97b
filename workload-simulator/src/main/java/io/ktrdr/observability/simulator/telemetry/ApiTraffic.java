package io.ktrdr.observability.simulator.telemetry;

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

  /** Clients poll each running operation about every 2 s ... */
  public static final double POLLS_PER_ACTIVE_OPERATION_PER_SECOND = 0.5;
  /** ... up to this many polls a second in all. */
  public static final double MAX_POLLS_PER_SECOND = 20;
  /** Share of polls naming a finished or mistyped operation (404). */
  public static final double UNKNOWN_POLL_SHARE = 0.03;
  public static final double LISTINGS_PER_SECOND = 0.5;
  public static final double WORKER_LISTINGS_PER_SECOND = 0.05;

  private ApiTraffic() {}

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

package io.ktrdr.observability.simulator;

import io.ktrdr.observability.simulator.model.OperationType;
import io.ktrdr.observability.simulator.model.Scenario;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints spans per second exported over OTLP/HTTP to a loopback receiver, and the scrape latency
 * of the backend's {@code /metrics/}, at the default load and at 10x and 100x the arrival rates.
 *
 * <p>Run: {@code ./mvnw -q -pl workload-simulator -Pbenchmark verify}; arguments through
 * {@code -Dbenchmark.args="--seconds 30 --time-scale 1"}.
 */
public final class SimulatorBenchmark {

  private SimulatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = 20;
    double timeScale = 60;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seconds":
          seconds = Integer.parseInt(args[i + 1]);
          break;
        case "--time-scale":
          timeScale = Double.parseDouble(args[i + 1]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument: " + args[i] + " (use --seconds N, --time-scale N)");
      }
    }
    System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s; %d s per load at time scale %.0f%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), seconds, timeScale);
    System.out.printf(Locale.ROOT, "%-6s %10s %12s %10s %12s %12s %12s %10s%n",
        "load", "ops ended", "spans/s", "dropped", "scrape p50", "scrape p99", "scrape max", "bytes");
    for (int factor : new int[] {1, 10, 100}) {
      run(factor, seconds, timeScale);
    }
  }

  private static void run(int factor, int seconds, double timeScale) throws Exception {
    Scenario.Builder scenario = Scenario.builder().name("steady-x" + factor);
    Scenario steady = Scenario.named("steady");
    for (OperationType type : OperationType.values()) {
      scenario.ratePerHour(type, steady.ratesPerHour().get(type) * factor);
    }
    try (LocalOtlpReceiver collector = LocalOtlpReceiver.start(FreePorts.choose());
        RunningSimulator simulator = Simulator.builder().host("127.0.0.1").anyFreePorts().seed(1)
            .scenario(scenario.build()).timeScale(timeScale).otlp(collector.endpoint(), "http/protobuf").build().start()) {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest scrape = HttpRequest.newBuilder(simulator.backendMetricsUri()).build();
      long spansBefore = collector.spans();
      long start = System.nanoTime();
      long end = start + Duration.ofSeconds(seconds).toNanos();
      double[] latencies = new double[100_000];
      int scrapes = 0;
      int bytes = 0;
      while (System.nanoTime() < end && scrapes < latencies.length) {
        long t0 = System.nanoTime();
        bytes = client.send(scrape, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        latencies[scrapes++] = (System.nanoTime() - t0) / 1e6;
        Thread.sleep(100); // a scraper's pace, not a load test of the endpoint
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long spans = collector.spans() - spansBefore;
      GroundTruth truth = simulator.groundTruth();
      double[] sorted = Arrays.copyOf(latencies, scrapes);
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%-6s %10d %12.1f %10d %10.2fms %10.2fms %10.2fms %10d%n",
          factor + "x", truth.operationsEnded(), spans / elapsed, truth.spans().dropped(),
          sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1], bytes);
    }
  }
}

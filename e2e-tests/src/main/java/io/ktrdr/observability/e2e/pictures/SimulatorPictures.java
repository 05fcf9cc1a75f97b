package io.ktrdr.observability.e2e.pictures;

import io.ktrdr.observability.e2e.harness.NativeStackHandle;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.screenshots.Chromium;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes the documentation's pictures: starts real Prometheus and Jaeger as local processes (the
 * end-to-end tests' native stack), runs the workload simulator's steady scenario and then its
 * worker-outage scenario, and, while backtest-worker-2 is down, draws every dashboard of the project
 * with {@link DashboardPictures} into {@code docs/screenshots/<uid>.png}.
 */
@Command(
    name = "simulator-pictures",
    mixinStandardHelpOptions = true,
    description = "Draws every dashboard from the simulator's data (steady, then a worker outage) on a native"
        + " Prometheus and Jaeger, into docs/screenshots/<uid>.png.")
public final class SimulatorPictures implements Callable<Integer> {
  /** Model time runs this many times faster than the clock: {@value}. */
  public static final double DEFAULT_TIME_SCALE = 20;
  /** Wall seconds of the steady scenario (x time scale = model seconds). */
  public static final int DEFAULT_STEADY_SECONDS = 90;
  /**
   * Model minute of the worker-outage scenario at which the pictures' range ends: backtest-worker-2 is
   * down from model minute 5 to 10 (Scenario "worker-outage").
   */
  public static final double OUTAGE_MODEL_MINUTE = 7;

  @Option(names = "--time-scale", description = "Simulator's --time-scale (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + DEFAULT_TIME_SCALE)
  double timeScale;

  @Option(names = "--steady-seconds", description = "Wall seconds of the steady scenario (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + DEFAULT_STEADY_SECONDS)
  int steadySeconds;

  @Option(names = "--output", description = "Directory for <uid>.png (default: docs/screenshots).")
  Path output;

  @Override
  public Integer call() throws Exception {
    Path root = ProjectFiles.root();
    Chromium chromium = Chromium.locate();
    PrintWriter out = new PrintWriter(System.out, true);
    try (NativeStackHandle stack = NativeStackHandle.start(root)) {
      Instant from = Instant.now();
      out.printf("stack up in %.1f s; steady scenario for %d s at time scale %.0f%n",
          stack.startupTime().toMillis() / 1000.0, steadySeconds, timeScale);
      stack.startSimulator(new SimulatorSettings("steady", 1, timeScale));
      Thread.sleep(steadySeconds * 1000L);
      stack.startSimulator(new SimulatorSettings("worker-outage", 1, timeScale));
      long outageMillis = (long) (OUTAGE_MODEL_MINUTE * 60_000 / timeScale);
      out.printf("worker-outage scenario; the pictures end at its model minute %.0f (%.1f s in)%n", OUTAGE_MODEL_MINUTE,
          outageMillis / 1000.0);
      Thread.sleep(outageMillis);
      // Every query asks for this instant, so the three pictures show the same moment.
      Instant to = Instant.now();
      String caption = String.format("Preview drawn by Grafana's UI library (@grafana/ui 13.2.3) from live data, not a capture"
          + " of Grafana · simulator: %.0f model minutes steady, then a worker outage (backtest-worker-2 down)",
          steadySeconds * timeScale / 60);
      List<DashboardPicture.Result> results = DashboardPictures.drawAll(DashboardPictures.projectDashboards(root),
          stack.prometheusUri(), stack.jaegerQueryUri(), from, to, stack.scrapeInterval(), caption,
          output != null ? output : root.resolve("docs/screenshots"), chromium, root, out);
      return results.stream().allMatch(r -> r.problems().isEmpty()) ? 0 : 1;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorPictures()).execute(args));
  }
}

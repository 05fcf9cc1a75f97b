package io.ktrdr.observability.simulator;

import io.ktrdr.observability.simulator.model.KtrdrDefects;
import io.ktrdr.observability.simulator.model.Scenario;
import io.ktrdr.observability.simulator.model.Topology;
import io.ktrdr.observability.simulator.model.ScenarioFile;
import io.ktrdr.observability.simulator.telemetry.ServiceEndpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: run the simulated KTRDR live, or write its history. */
@Command(
    name = "ktrdr-workload-simulator",
    mixinStandardHelpOptions = true,
    version = "ktrdr-workload-simulator 0.1.0",
    description = {
        "Plays a KTRDR backend and its workers: Prometheus endpoints on their own ports,",
        "spans over OTLP, ground truth as JSON on the control port (GET /ground-truth).",
        "Stops on SIGTERM or Ctrl-C, flushing spans first."},
    subcommands = {HistoryCommand.class},
    exitCodeOnInvalidInput = 2,
    exitCodeOnExecutionException = 1)
public final class SimulatorCommand implements Callable<Integer> {

  /** Scenario options shared by the live run and history. */
  static final class ScenarioOptions {
    @Option(names = "--scenario", paramLabel = "NAME", description = "Built-in scenario: ${COMPLETION-CANDIDATES} (default: steady).",
        completionCandidates = BuiltIn.class)
    String scenario;

    @Option(names = "--scenario-file", paramLabel = "FILE", description = "Scenario YAML file (see README).")
    Path scenarioFile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed; same seed and scenario give the same operations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--ktrdr-defects", paramLabel = "current|fixed",
        description = "Which KTRDR to play: current (today's: its orphan detector fails some worker-run operations on the "
            + "backend, whose ktrdr_operations_active goes below zero) or fixed (those defects fixed). "
            + "Default: the scenario's ktrdrDefects, else current.")
    String ktrdrDefects;

    @Option(names = "--abandoned-ratio", paramLabel = "R",
        description = "Share (0 to 1) of worker-run operations whose client stops polling before their end, which "
            + "today's KTRDR's orphan detector fails on the backend. Default: the scenario's abandonedRatio, else 0.125.")
    Double abandonedRatio;

    @Option(names = "--topology", paramLabel = "NAME",
        description = "Worker targets: local (KTRDR's four) or homelab (13 worker targets, 6 started, one stopping at "
            + "model minute 10). Default: the scenario's topology, else local.")
    String topology;

    Scenario resolve(CommandLine.Model.CommandSpec spec) {
      if (scenario != null && scenarioFile != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give either --scenario or --scenario-file, not both");
      }
      Scenario resolved;
      try {
        resolved = scenarioFile != null ? ScenarioFile.load(scenarioFile) : Scenario.named(scenario == null ? "steady" : scenario);
        if (topology != null) {
          resolved = resolved.withTopology(Topology.named(topology));
        }
        if (abandonedRatio != null) {
          resolved = resolved.toBuilder().abandonedRatio(abandonedRatio).build();
        }
      } catch (ScenarioFile.ScenarioException | IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (ktrdrDefects != null) {
        resolved = resolved.withKtrdrDefects(KtrdrDefects.ofLabel(ktrdrDefects).orElseThrow(() -> new CommandLine.ParameterException(
            spec.commandLine(), "--ktrdr-defects must be one of " + KtrdrDefects.labels() + ", not " + ktrdrDefects)));
      }
      return resolved;
    }
  }

  static final class BuiltIn extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    BuiltIn() {
      super(Scenario.BUILT_IN);
    }
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ScenarioOptions scenarioOptions;

  @Option(names = "--time-scale", defaultValue = "1", paramLabel = "N",
      description = "Model seconds per wall second (default: ${DEFAULT-VALUE}). Operations arrive and end N times faster; "
          + "durations in the metrics stay in model seconds.")
  double timeScale;

  @Option(names = "--host", defaultValue = Simulator.DEFAULT_HOST, description = "Bind host of every port (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--backend-port", defaultValue = "8000", description = "Backend port, /metrics/ and the API (default: ${DEFAULT-VALUE}).")
  int backendPort;

  @Option(names = "--worker-port", paramLabel = "NAME=PORT", mapFallbackValue = "",
      description = "Port of a worker, repeatable (default: backtest-worker-1=5003, backtest-worker-2=5004, "
          + "training-worker-1=5005, training-worker-2=5006). Naming any worker replaces the default four; "
          + "names starting with 'training' are training workers. With a topology, sets the port of its target of that name.")
  Map<String, Integer> workerPorts = new LinkedHashMap<>();

  @Option(names = "--control-port", defaultValue = "8090", description = "Port of GET /ground-truth (default: ${DEFAULT-VALUE}).")
  int controlPort;

  @Option(names = "--otlp-endpoint", paramLabel = "URL",
      description = "OTLP endpoint (default: $OTEL_EXPORTER_OTLP_ENDPOINT, else " + Simulator.DEFAULT_OTLP_ENDPOINT + ").")
  String otlpEndpoint;

  @Option(names = "--otlp-protocol", paramLabel = "PROTOCOL",
      description = "http/protobuf (port 4318) or grpc (port 4317) (default: $OTEL_EXPORTER_OTLP_PROTOCOL, else http/protobuf).")
  String otlpProtocol;

  @Option(names = "--environment", defaultValue = "development", description = "deployment.environment (default: ${DEFAULT-VALUE}).")
  String environment;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many wall seconds (default: run until stopped).")
  Long durationSeconds;

  @Option(names = "--quiet", description = "No status line.")
  boolean quiet;

  public static void main(String[] args) {
    // One line per log record: an unreachable collector is reported, not dumped as a stack trace.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%n");
    }
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code: 0 done, 1 failed, 2 bad input. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line writing to {@code out} and {@code err}; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new SimulatorCommand()).setOut(out).setErr(err);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + e.getMessage());
      return cmd.getCommandSpec().exitCodeOnExecutionException();
    });
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Scenario scenario = scenarioOptions.resolve(spec);
    Simulator.Builder builder = Simulator.builder();
    try {
      builder.seed(scenarioOptions.seed).scenario(scenario).timeScale(timeScale).host(host)
          .backendPort(backendPort).controlPort(controlPort).environment(environment);
      if (scenario.topology().isPresent()) {
        workerPorts.forEach(builder::workerPort); // ports of the topology's targets
      } else if (!workerPorts.isEmpty()) {
        builder.workers(workerPorts);
      }
      String endpoint = otlpEndpoint != null ? otlpEndpoint
          : System.getenv().getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", Simulator.DEFAULT_OTLP_ENDPOINT);
      String protocol = otlpProtocol != null ? otlpProtocol
          : System.getenv().getOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
      builder.otlp(endpoint, protocol);
      if (!quiet) {
        builder.statusLine(System.out);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Simulator simulator = builder.build();
    RunningSimulator running;
    try {
      running = simulator.start();
    } catch (ServiceEndpoint.EndpointException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("backend :%d/metrics/, workers %s, ground truth :%d/ground-truth, scenario %s, seed %d, ktrdr defects %s%n",
        running.backendPort(), running.workerPorts(), running.controlPort(), scenario.name(), scenarioOptions.seed,
        running.groundTruth().ktrdrDefects());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "simulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (durationSeconds != null) {
      if (!stopped.await(durationSeconds, TimeUnit.SECONDS)) {
        Runtime.getRuntime().removeShutdownHook(hook);
        running.close();
      }
    } else {
      stopped.await();
    }
    return 0;
  }

}

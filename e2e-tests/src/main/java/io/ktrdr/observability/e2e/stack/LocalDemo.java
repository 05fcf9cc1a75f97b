package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The stack and the workload simulator on this machine's loopback, on the compose setup's ports,
 * until the process is told to stop: what {@code native-stack/demo.sh up} runs in the background.
 *
 * <p>Arguments: the project root and the demo's state directory. Once everything is healthy it
 * writes {@code ready} there, holding the addresses to open.
 */
public final class LocalDemo {
  static final String SIMULATOR_JAR = "workload-simulator/target/ktrdr-workload-simulator.jar";
  private static final URI SIMULATED_BACKEND_METRICS = URI.create("http://127.0.0.1:8000/metrics/");

  private LocalDemo() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: LocalDemo <project root> <state directory>");
      System.exit(2);
    }
    Path project = Path.of(args[0]).toAbsolutePath();
    Path state = Path.of(args[1]).toAbsolutePath();
    Path simulatorJar = project.resolve(SIMULATOR_JAR);
    if (!Files.isRegularFile(simulatorJar)) {
      throw new IllegalStateException(
          "no simulator jar at " + simulatorJar + "; build it: ./mvnw -q -pl workload-simulator -am package -DskipTests");
    }

    NativeStack stack =
        NativeStack.builder()
            .components(components())
            .configuration(ProvisionedConfiguration.local(project))
            .projectDirectory(project)
            .runDirectory(state.resolve("run"))
            .usualPorts()
            .start();
    ManagedProcess simulator;
    try {
      simulator = startSimulator(simulatorJar, stack, state.resolve("run"));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stack.close();
                },
                "local-demo-shutdown"));

    String addresses = describe(stack, simulator);
    Files.writeString(state.resolve("ready"), addresses, StandardCharsets.UTF_8);
    System.out.println(addresses);
    new CountDownLatch(1).await(); // until SIGTERM: the shutdown hook stops everything
  }

  /** Grafana only where an installed one is named: the Go module proxy does not serve it. */
  private static Set<Component> components() {
    if (System.getenv("KTRDR_GRAFANA_HOME") != null) {
      return EnumSet.allOf(Component.class);
    }
    System.err.println(
        "NOTE: Grafana is left out: it cannot be built from the Go module proxy. Set"
            + " KTRDR_GRAFANA_HOME to an installed Grafana's home to include it.");
    return EnumSet.of(Component.PROMETHEUS, Component.JAEGER);
  }

  private static ManagedProcess startSimulator(Path jar, NativeStack stack, Path run) {
    Map<String, String> otlp =
        Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", stack.otlpGrpcEndpoint().toString(),
            "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ManagedProcess simulator =
        ManagedProcess.start(
            "simulator", List.of(java, "-jar", jar.toString()), otlp, run, run.resolve("simulator.log"));
    try {
      simulator.awaitHealthy(SIMULATED_BACKEND_METRICS, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
    return simulator;
  }

  private static String describe(NativeStack stack, ManagedProcess simulator) {
    StringBuilder text = new StringBuilder();
    if (stack.components().contains(Component.GRAFANA)) {
      text.append("Grafana     ").append(stack.grafanaUri()).append("  (admin/admin)\n");
    }
    text.append("Prometheus  ").append(stack.prometheusUri()).append('\n')
        .append("Jaeger      ").append(stack.jaegerQueryUri()).append("  (API; no UI assets)\n")
        .append("OTLP        ").append(stack.otlpGrpcEndpoint()).append(" (gRPC), ")
        .append(stack.otlpHttpEndpoint()).append(" (HTTP)\n")
        .append("Simulator   ").append(SIMULATED_BACKEND_METRICS).append(" and workers on 5003-5006\n")
        .append("Logs        ").append(stack.runDirectory()).append('\n')
        .append("Started in  ").append(stack.startupTime().toMillis()).append(" ms; simulator ")
        .append(simulator).append('\n');
    return text.toString();
  }
}

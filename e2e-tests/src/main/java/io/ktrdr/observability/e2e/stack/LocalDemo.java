package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
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
  private LocalDemo() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: LocalDemo <project root> <state directory>");
      System.exit(2);
    }
    Path project = Path.of(args[0]).toAbsolutePath();
    Path state = Path.of(args[1]).toAbsolutePath();
    ProvisionedConfiguration configuration = ProvisionedConfiguration.local(project);

    NativeStack stack =
        NativeStack.builder()
            .components(components())
            .configuration(configuration)
            .projectDirectory(project)
            .runDirectory(state.resolve("run"))
            .usualPorts()
            .start();
    LocalSimulator simulator;
    try {
      simulator = LocalSimulator.start(
              project, configuration.environment(), stack, LocalSimulator.USUAL_CONTROL_PORT, List.of());
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
    String grafanaHome = System.getenv("KTRDR_GRAFANA_HOME");
    if (grafanaHome != null && !grafanaHome.isBlank()) { // an empty value counts as unset, as in the tests
      return EnumSet.allOf(Component.class);
    }
    System.err.println(
        "NOTE: Grafana is left out: it cannot be built from the Go module proxy. Set"
            + " KTRDR_GRAFANA_HOME to an installed Grafana's home to include it.");
    return EnumSet.of(Component.PROMETHEUS, Component.JAEGER);
  }

  private static String describe(NativeStack stack, LocalSimulator simulator) {
    StringBuilder text = new StringBuilder();
    if (stack.components().contains(Component.GRAFANA)) {
      text.append("Grafana     ").append(stack.grafanaUri()).append("  (admin/admin)\n");
    }
    text.append("Prometheus  ").append(stack.prometheusUri()).append('\n')
        .append("Jaeger      ").append(stack.jaegerQueryUri()).append("  (API; no UI assets)\n")
        .append("OTLP        ").append(stack.otlpGrpcEndpoint()).append(" (gRPC), ")
        .append(stack.otlpHttpEndpoint()).append(" (HTTP)\n")
        .append("Simulator   ").append(simulator.backendMetricsUri()).append(", workers on 5003-5006, ")
        .append(simulator.groundTruthUri()).append('\n')
        .append("Logs        ").append(stack.runDirectory()).append('\n')
        .append("Started in  ").append(stack.startupTime().toMillis()).append(" ms\n");
    return text.toString();
  }
}

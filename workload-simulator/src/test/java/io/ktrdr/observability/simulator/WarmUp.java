package io.ktrdr.observability.simulator;

import io.ktrdr.observability.simulator.model.Scenario;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Starts and stops one simulator per JVM before a test whose checks are timed from its
 * simulator's start. The JVM's first simulator loads the classes of the OpenTelemetry SDK, the
 * Prometheus client and the HTTP servers: on a loaded machine, with other test classes starting
 * beside it, that took up to 6 s, during which the model's clock runs (6 model minutes at 60x).
 */
final class WarmUp {

  private static boolean done;

  private WarmUp() {}

  static synchronized void simulator() {
    if (done) {
      return;
    }
    Simulator.builder().host("127.0.0.1").anyFreePorts().scenario(Scenario.named("steady")).timeScale(60)
        .backgroundTraffic(false).spanExporter(InMemorySpanExporter.create()).build().start().close();
    done = true;
  }
}

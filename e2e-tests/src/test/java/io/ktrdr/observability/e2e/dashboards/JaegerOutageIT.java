package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.SimulatorSettings;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DirectQueryPath;
import io.ktrdr.observability.e2e.panels.QueryResult;
import io.ktrdr.observability.e2e.stack.Component;
import io.ktrdr.observability.simulator.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Jaeger down for a while: KTRDR keeps working (spans are dropped, not queued forever), and traces
 * come back. The simulator runs at {@link SimulatorSettings#FAST_TIME_SCALE}: each wait is for
 * operations to end or start.
 */
@Order(4)
@ExtendWith(OwnStack.class)
@Execution(ExecutionMode.CONCURRENT)
class JaegerOutageIT {
  @Test
  void withJaegerDownTheSimulatorKeepsRunningAndTracesComeBackAfter(StackHandle stack) {
    Panels panels = new Panels(stack, DirectQueryPath.of(stack.prometheusUri(), stack.jaegerQueryUri()));
    SimulatorRun simulator = SharedStack.simulator(stack,
        SimulatorSettings.scenario("steady").atTimeScale(SimulatorSettings.FAST_TIME_SCALE));

    stack.stop(Component.JAEGER);
    GroundTruth atStop = simulator.groundTruth();
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      GroundTruth now = simulator.groundTruth();

      assertThat(now.operationsEnded()).as("operations ended while Jaeger is down").isGreaterThan(atStop.operationsEnded() + 2);
      assertThat(now.spans().dropped()).as("spans the simulator could not export while Jaeger is down")
          .isGreaterThan(atStop.spans().dropped());
    });
    assertThat(simulator.isRunning()).isTrue();

    stack.start(Component.JAEGER);
    Instant restarted = Instant.now();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      Instant now = Instant.now();
      QueryResult recent = panels.run(
          panels.target("ktrdr-operations", "Recent operations", "A", now.minus(Duration.ofHours(6)), now));

      assertThat(recent.series()).as(recent.describe()).isNotEmpty();
      assertThat(latestSpanStart(recent.body())).as("latest span start of the traces listed, Jaeger restarted at %s", restarted)
          .isAfter(restarted);
    });
  }

  private static Instant latestSpanStart(JsonNode answer) {
    long latestMicros = 0;
    for (JsonNode trace : answer.path("data")) {
      for (JsonNode span : trace.path("spans")) {
        latestMicros = Math.max(latestMicros, span.path("startTime").asLong());
      }
    }
    return Instant.EPOCH.plusNanos(latestMicros * 1_000);
  }
}

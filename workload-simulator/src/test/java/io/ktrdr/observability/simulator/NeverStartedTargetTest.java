package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.simulator.model.Topology;
import io.ktrdr.observability.simulator.model.WorkerType;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A target never started: nothing answers on its port, and no other server can take it during the run. */
class NeverStartedTargetTest {

  @Test
  void itsPortRefusesConnectionsAndStaysReservedUntilTheRunEnds() throws Exception {
    int[] ports = FreePorts.choose(2);
    Topology topology = new Topology("two", List.of(
        Topology.WorkerTarget.running("backtest-b-5003", WorkerType.BACKTESTING, "b", ports[0]),
        new Topology.WorkerTarget("backtest-b-5007", WorkerType.BACKTESTING, "b", ports[1], false, null),
        Topology.WorkerTarget.running("training-b-5005", WorkerType.TRAINING, "b", 0)));
    try (RunningSimulator simulator = Simulator.builder().host("127.0.0.1").backendPort(0).controlPort(0)
        .topology(topology).spanExporter(InMemorySpanExporter.create()).build().start()) {
      assertThat(simulator.workerPorts()).containsOnlyKeys("backtest-b-5003", "training-b-5005");
      assertThat(Exposition.scrape(simulator.workerMetricsUri("backtest-b-5003")).familyNames()).isNotEmpty();

      assertThatThrownBy(() -> Exposition.scrape(java.net.URI.create("http://127.0.0.1:" + ports[1] + "/metrics")))
          .isInstanceOf(ConnectException.class);
      assertThatThrownBy(() -> new ServerSocket(ports[1], 1, InetAddress.getLoopbackAddress()).close())
          .isInstanceOf(BindException.class);
      assertThat(simulator.groundTruth().workersIn("never_started")).extracting(GroundTruth.WorkerTruth::port)
          .containsExactly(ports[1]);
    }
    new ServerSocket(ports[1], 1, InetAddress.getLoopbackAddress()).close();
  }
}

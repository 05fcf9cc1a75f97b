package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SimulatorCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void helpDescribesEveryOptionAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--scenario", "--scenario-file", "--seed", "--time-scale", "--host",
        "--backend-port", "--worker-port", "--control-port", "--otlp-endpoint", "--otlp-protocol", "--ktrdr-defects",
        "--topology", "history");
  }

  @Test
  void anUnknownScenarioIsRefusedWithTheBuiltInNames() {
    assertThat(run("--scenario", "chaos", "--duration", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown scenario: chaos (built in: steady, burst, worker-outage, error-storm, slow-operations)");
  }

  @Test
  void aBadScenarioFileIsRefusedNamingFileLineAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "name: bad\nratesPerHour: {training: lots}\n");

    assertThat(run("--scenario-file", file.toString(), "--duration", "1")).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":2: ratesPerHour.training: must be a number, not lots");
  }

  @Test
  void anUnknownKtrdrDefectsModeOrTopologyIsRefused() {
    assertThat(run("--ktrdr-defects", "patched", "--duration", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--ktrdr-defects must be one of current, fixed, not patched");
    assertThat(run("--topology", "cloud", "--duration", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown topology: cloud (built in: local, homelab)");
  }

  @Test
  void theHomelabRunsItsStartedWorkersOnTheGivenPortsAndPlaysTheFixedKtrdrWhenAsked(@TempDir Path dir) throws Exception {
    int[] ports = FreePorts.choose(8);
    Path log = dir.resolve("truth.json");
    // The ground truth is read on the control port while the run lasts: from its start, however
    // long starting takes on a busy machine, until the run has ended (bounded).
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    Thread reader = new Thread(() -> {
      while (!ended.get() && !Files.exists(log) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(100);
          java.net.http.HttpResponse<String> response = client.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + ports[1] + "/ground-truth")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
          Files.writeString(log, response.body());
        } catch (Exception e) {
          // not up yet
        }
      }
    });
    reader.start();
    int code = run("--host", "127.0.0.1", "--backend-port", String.valueOf(ports[0]), "--control-port", String.valueOf(ports[1]),
        "--topology", "homelab", "--ktrdr-defects", "fixed", "--worker-port", "backtest-b-5003=" + ports[2],
        "--worker-port", "training-gpu-5005=" + ports[3], "--worker-port", "backtest-b-5004=" + ports[4],
        "--worker-port", "training-b-5005=" + ports[5], "--worker-port", "backtest-c-5003=" + ports[6],
        "--worker-port", "training-c-5005=" + ports[7], "--otlp-endpoint", "http://127.0.0.1:9", "--quiet", "--duration", "4");
    ended.set(true);
    reader.join();

    assertThat(code).as(err.toString()).isZero();
    GroundTruth truth = GroundTruth.fromJson(Files.readString(log));
    assertThat(truth.ktrdrDefects()).isEqualTo("fixed");
    assertThat(truth.topology()).isEqualTo("homelab");
    assertThat(truth.workers()).hasSize(13);
    assertThat(truth.workersIn("never_started")).hasSize(7);
    assertThat(truth.workers()).filteredOn(w -> w.name().equals("backtest-b-5003") || w.name().equals("training-gpu-5005"))
        .extracting(GroundTruth.WorkerTruth::port).containsExactly(ports[2], ports[3]);
    assertThat(out.toString()).contains("ktrdr defects fixed");
  }

  @Test
  void anUnknownOtlpProtocolIsRefused() {
    assertThat(run("--otlp-protocol", "carrier-pigeon", "--duration", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown OTLP protocol: carrier-pigeon (use grpc or http/protobuf)");
  }

  @Test
  void aTakenPortIsNamedAndExitsNonZero() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code = run("--host", "127.0.0.1", "--backend-port", String.valueOf(taken.getLocalPort()),
          "--worker-port", "backtest-worker-1=0", "--worker-port", "training-worker-1=0", "--control-port", "0",
          "--otlp-endpoint", "http://127.0.0.1:9", "--quiet", "--duration", "1");

      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("error: port " + taken.getLocalPort() + " of backend on 127.0.0.1 is already in use");
    }
  }

  @Test
  void historyWritesAFileAndReportsWhatItWrote(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("history.om");

    assertThat(run("history", "--span", "1h", "--seed", "3", "--end", "2026-11-01T00:00:00Z", "--out", file.toString())).isZero();
    assertThat(out.toString()).contains("wrote ", " series from 2026-10-31T23:00:00Z to 2026-11-01T00:00:00Z into " + file);
    assertThat(Files.readString(file)).endsWith("# EOF\n");
  }

  @Test
  void historyRefusesABadSpan(@TempDir Path dir) {
    assertThat(run("history", "--span", "a week", "--out", dir.resolve("h.om").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--span must be a duration such as 15s, 90m, 12h or 7d, not a week");
  }
}

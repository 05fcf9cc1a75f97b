package io.ktrdr.observability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server ports chosen below the ephemeral range, free and distinct. */
class FreePortsTest {

  @TempDir
  Path dir;

  @Test
  void portsAreDistinctBindableAndBelowTheEphemeralRange() throws Exception {
    FreePorts.Range safe = FreePorts.safeRange(FreePorts.LINUX_EPHEMERAL_RANGE);

    int[] ports = FreePorts.choose(50);

    assertThat(ports).hasSize(50).doesNotHaveDuplicates();
    assertThat(Arrays.stream(ports).boxed()).allSatisfy(port -> assertThat(port).isBetween(safe.first(), safe.last()));
    if (Files.isReadable(FreePorts.LINUX_EPHEMERAL_RANGE)) {
      int ephemeralStart = Integer.parseInt(Files.readAllLines(FreePorts.LINUX_EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
      assertThat(Arrays.stream(ports).boxed()).as("ephemeral range starts at %s", ephemeralStart).allSatisfy(port -> assertThat(port).isLessThan(ephemeralStart));
    }
    for (int port : ports) {
      try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(server.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void aPortInUseIsNeverChosen() throws Exception {
    try (ServerSocket taken = new ServerSocket(20_500, 1, InetAddress.getLoopbackAddress())) {
      int[] ports = FreePorts.choose(10, new FreePorts.Range(20_495, 20_505));

      assertThat(ports).doesNotContain(20_500).doesNotHaveDuplicates();
      assertThat(Arrays.stream(ports).min().orElseThrow()).isGreaterThanOrEqualTo(20_495);
    } catch (java.net.BindException busy) {
      // Another process holds 20500 itself: it is then as taken as our socket would make it.
      assertThat(FreePorts.choose(5, new FreePorts.Range(20_495, 20_505))).doesNotContain(20_500);
    }
  }

  @Test
  void aPortWhereAnEarlierServersConnectionIsInTimeWaitIsNotChosen() throws Exception {
    int port = FreePorts.choose();
    try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
      server.accept().close(); // the server's side closes first: its end waits in TIME_WAIT
      client.getInputStream().read();
    }

    // A server with SO_REUSEADDR could bind it, the simulator's hold on a never-started target's port could not.
    assertThat(FreePorts.bindable(port)).isFalse();
    assertThatThrownBy(() -> FreePorts.choose(1, new FreePorts.Range(port, port))).hasMessageContaining("found 0");
  }

  @Test
  void theSafeRangeLiesBelowTheEphemeralRangeReadFromTheKernel() throws Exception {
    Path range = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");
    assertThat(FreePorts.safeRange(range)).isEqualTo(new FreePorts.Range(10_000, 32_767));

    Files.writeString(range, "1024 50000\n");
    assertThat(FreePorts.safeRange(range)).as("no room below: above it").isEqualTo(new FreePorts.Range(50_001, 65_535));

    Files.writeString(range, "1024 65000\n");
    assertThatThrownBy(() -> FreePorts.safeRange(range)).hasMessageContaining("1024-65000");
  }

  @Test
  void withoutTheKernelsRangeAFixedSafeRangeIsUsed() throws Exception {
    assertThat(FreePorts.safeRange(dir.resolve("missing"))).isEqualTo(FreePorts.FALLBACK);
    assertThat(FreePorts.safeRange(Files.writeString(dir.resolve("garbled"), "lots\n"))).isEqualTo(FreePorts.FALLBACK);
    assertThat(FreePorts.FALLBACK.last()).isLessThan(32_768);
  }

  @Test
  void moreThanTheRangeHoldsIsRefused() {
    assertThatThrownBy(() -> FreePorts.choose(12, new FreePorts.Range(20_495, 20_505)))
        .hasMessage("count must be between 1 and 11: 12");
  }
}

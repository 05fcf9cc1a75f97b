package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ktrdr.observability.simulator.FreePorts;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackAddressesTest {

  @Test
  void everyServerGetsItsOwnLoopbackPortBelowTheEphemeralRange() {
    StackAddresses addresses = StackAddresses.onFreePorts();
    FreePorts.Range safe = FreePorts.safeRange();

    List<URI> uris =
        List.of(
            addresses.grafanaUri(),
            addresses.prometheusUri(),
            addresses.jaegerQueryUri(),
            addresses.otlpGrpcEndpoint(),
            addresses.otlpHttpEndpoint());
    assertThat(uris).extracting(URI::getHost).containsOnly("127.0.0.1");
    assertThat(
            List.of(
                addresses.grafanaPort(),
                addresses.prometheusPort(),
                addresses.jaegerQueryPort(),
                addresses.jaegerQueryGrpcPort(),
                addresses.jaegerHealthPort(),
                addresses.otlpGrpcPort(),
                addresses.otlpHttpPort()))
        .doesNotHaveDuplicates()
        .allSatisfy(port -> assertThat(port).isBetween(safe.first(), safe.last()));
  }
}

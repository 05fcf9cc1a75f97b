package io.ktrdr.observability.e2e.stack;

import java.net.URI;
import java.nio.file.Path;

/** How each server of a local stack is launched and checked for health: one place for both. */
final class Servers {
  private Servers() {}

  static ManagedProcess launch(
      Component component, Path home, GeneratedConfiguration generated, StackAddresses addresses, Path run) {
    return switch (component) {
      case PROMETHEUS -> PrometheusServer.start(home, generated.prometheusConfig(), addresses, run);
      case JAEGER -> JaegerServer.start(home, addresses, run);
      case GRAFANA -> GrafanaServer.start(home, generated, addresses, run);
    };
  }

  static URI healthUri(Component component, StackAddresses addresses) {
    return switch (component) {
      case PROMETHEUS -> PrometheusServer.healthUri(addresses);
      case JAEGER -> JaegerServer.healthUri(addresses);
      case GRAFANA -> GrafanaServer.healthUri(addresses);
    };
  }
}

package io.ktrdr.observability.e2e.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** How Prometheus is started in a local stack. */
final class PrometheusServer {
  private PrometheusServer() {}

  static ManagedProcess start(Path home, Path config, StackAddresses addresses, Path runDirectory) {
    List<String> command =
        List.of(
            home.resolve("bin/prometheus").toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + runDirectory.resolve("prometheus/data"),
            "--storage.tsdb.retention.time=7d",
            "--web.listen-address=" + StackAddresses.HOST + ":" + addresses.prometheusPort(),
            "--web.enable-lifecycle");
    return ManagedProcess.start(
        Component.PROMETHEUS.installName(), command, runDirectory, runDirectory.resolve("prometheus.log"));
  }

  static URI healthUri(StackAddresses addresses) {
    return addresses.prometheusUri().resolve("/-/ready");
  }
}

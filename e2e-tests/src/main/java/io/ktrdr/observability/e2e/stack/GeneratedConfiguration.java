package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a {@link StackConfiguration} put its files.
 *
 * @param prometheusConfig the Prometheus configuration file ({@code prometheus.yml})
 * @param grafanaProvisioning Grafana's provisioning directory, holding {@code datasources/} and
 *     {@code dashboards/} as Grafana expects them
 */
public record GeneratedConfiguration(Path prometheusConfig, Path grafanaProvisioning) {

  public GeneratedConfiguration {
    requireNonNull(prometheusConfig, "prometheusConfig");
    requireNonNull(grafanaProvisioning, "grafanaProvisioning");
  }

  void requireFilesExist() {
    if (!Files.isRegularFile(prometheusConfig)) {
      throw new IllegalStateException("prometheusConfig is not a file: " + prometheusConfig);
    }
    if (!Files.isDirectory(grafanaProvisioning)) {
      throw new IllegalStateException(
          "grafanaProvisioning is not a directory: " + grafanaProvisioning);
    }
  }
}

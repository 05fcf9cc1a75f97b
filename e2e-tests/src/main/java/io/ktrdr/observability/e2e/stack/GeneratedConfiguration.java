package io.ktrdr.observability.e2e.stack;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a {@link StackConfiguration} put its files: the three files the compose setup mounts.
 *
 * @param prometheusConfig the Prometheus configuration ({@code prometheus.yml})
 * @param grafanaDatasources Grafana's datasource provisioning file
 * @param grafanaDashboardProviders Grafana's dashboard provider file, naming the dashboards directory
 */
public record GeneratedConfiguration(
    Path prometheusConfig, Path grafanaDatasources, Path grafanaDashboardProviders) {

  public GeneratedConfiguration {
    requireNonNull(prometheusConfig, "prometheusConfig");
    requireNonNull(grafanaDatasources, "grafanaDatasources");
    requireNonNull(grafanaDashboardProviders, "grafanaDashboardProviders");
  }

  void requireFilesExist() {
    requireFile("prometheusConfig", prometheusConfig);
    requireFile("grafanaDatasources", grafanaDatasources);
    requireFile("grafanaDashboardProviders", grafanaDashboardProviders);
  }

  private static void requireFile(String field, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(field + " is not a file: " + file);
    }
  }
}

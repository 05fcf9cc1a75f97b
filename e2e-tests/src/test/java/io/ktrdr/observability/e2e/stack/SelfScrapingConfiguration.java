package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A configuration for testing the launcher itself: Prometheus scrapes only itself, every second, and
 * Grafana gets the two datasources of the KTRDR setup (uids {@code prometheus} and {@code jaeger})
 * plus a dashboard provider for {@code dashboards}, in folder KTRDR.
 */
final class SelfScrapingConfiguration implements StackConfiguration {
  private final Path dashboards;

  SelfScrapingConfiguration(Path dashboards) {
    this.dashboards = dashboards.toAbsolutePath();
  }

  @Override
  public GeneratedConfiguration writeTo(Path directory, StackAddresses addresses)
      throws IOException {
    Path prometheusConfig = directory.resolve("prometheus/prometheus.yml");
    write(
        prometheusConfig,
        """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: prometheus
            static_configs:
              - targets: ['%s:%d']
        """
            .formatted(StackAddresses.HOST, addresses.prometheusPort()));

    Path datasources = directory.resolve("grafana/datasources.yml");
    write(
        datasources,
        """
        apiVersion: 1
        datasources:
          - name: Prometheus
            uid: prometheus
            type: prometheus
            access: proxy
            url: %s
            isDefault: true
            jsonData:
              timeInterval: 1s
          - name: Jaeger
            uid: jaeger
            type: jaeger
            access: proxy
            url: %s
        """
            .formatted(addresses.prometheusUri(), addresses.jaegerQueryUri()));
    Path dashboardProviders = directory.resolve("grafana/dashboards.yml");
    write(
        dashboardProviders,
        """
        apiVersion: 1
        providers:
          - name: ktrdr
            folder: KTRDR
            folderUid: ktrdr
            type: file
            disableDeletion: true
            options:
              path: %s
        """
            .formatted(dashboards));
    return new GeneratedConfiguration(prometheusConfig, datasources, dashboardProviders);
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}

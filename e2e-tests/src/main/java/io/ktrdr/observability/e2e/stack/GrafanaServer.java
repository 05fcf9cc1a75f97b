package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * How Grafana is started in a local stack: offline (no plugin pre-installation, no update checks, no
 * usage reporting), on loopback, with the generated provisioning, and with the API open to basic
 * auth as {@value #ADMIN_USER}/{@value #ADMIN_PASSWORD} and to anonymous users as admins.
 */
final class GrafanaServer {
  static final String ADMIN_USER = "admin";
  static final String ADMIN_PASSWORD = "admin";

  private GrafanaServer() {}

  static ManagedProcess start(
      Path home, GeneratedConfiguration generated, StackAddresses addresses, Path runDirectory) {
    Path settings = prepare(generated, addresses, runDirectory);
    List<String> command =
        List.of(
            home.resolve("bin/grafana").toString(),
            "server",
            "--homepath=" + home,
            "--config=" + settings);
    return ManagedProcess.start(
        Component.GRAFANA.installName(), command, settings.getParent(), runDirectory.resolve("grafana.log"));
  }

  /**
   * Writes Grafana's settings and assembles its provisioning directory under {@code
   * runDirectory/grafana/}.
   *
   * @return the settings file
   */
  static Path prepare(GeneratedConfiguration generated, StackAddresses addresses, Path runDirectory) {
    Path grafanaDirectory = runDirectory.resolve("grafana");
    Path settings = grafanaDirectory.resolve("grafana.ini");
    Path provisioning = grafanaDirectory.resolve("provisioning");
    try {
      // Grafana reads provisioning/<kind>/*.yaml: the same files the compose setup mounts there.
      copyInto(provisioning.resolve("datasources"), generated.grafanaDatasources());
      copyInto(provisioning.resolve("dashboards"), generated.grafanaDashboardProviders());
      Files.createDirectories(provisioning.resolve("plugins"));
      Files.createDirectories(provisioning.resolve("alerting"));
      Files.writeString(
          settings, settings(grafanaDirectory, provisioning, addresses), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + settings, e);
    }
    return settings;
  }

  private static void copyInto(Path directory, Path file) throws IOException {
    Files.createDirectories(directory);
    Files.copy(file, directory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }

  static URI healthUri(StackAddresses addresses) {
    return addresses.grafanaUri().resolve("/api/health");
  }

  static String settings(Path grafanaDirectory, Path provisioning, StackAddresses addresses) {
    return """
        [paths]
        data = %1$s
        logs = %2$s
        plugins = %3$s
        provisioning = %4$s

        [server]
        http_addr = %5$s
        http_port = %6$d

        [security]
        admin_user = %7$s
        admin_password = %8$s

        [auth.anonymous]
        enabled = true
        org_role = Admin

        [analytics]
        reporting_enabled = false
        check_for_updates = false
        check_for_plugin_updates = false
        feedback_links_enabled = false

        [plugins]
        preinstall_disabled = true

        [news]
        news_feed_enabled = false

        [log]
        mode = console
        level = info
        """
        .formatted(
            grafanaDirectory.resolve("data"),
            grafanaDirectory.resolve("logs"),
            grafanaDirectory.resolve("plugins"),
            provisioning.toAbsolutePath(),
            StackAddresses.HOST,
            addresses.grafanaPort(),
            ADMIN_USER,
            ADMIN_PASSWORD);
  }
}

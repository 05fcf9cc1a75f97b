package io.ktrdr.observability.e2e.harness;

import io.ktrdr.observability.dashboards.json.DashboardJson;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.provisioning.Provisioning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's files the end-to-end tests read: its root and the generated dashboards. */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The project root: the nearest directory at or above the working directory holding {@code native-stack/}. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("native-stack")) && Files.isDirectory(dir.resolve("environments"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root (a directory with native-stack/ and environments/) at or above "
        + Path.of("").toAbsolutePath());
  }

  /** {@code monitoring/grafana/dashboards} of the project. */
  public static Path dashboardsDirectory(Path root) {
    return root.resolve(Provisioning.MONITORING_DIR).resolve(Provisioning.DASHBOARDS_DIR);
  }

  /** Every dashboard file Grafana loads, read as Grafana reads it, in file-name order. */
  public static List<Dashboard> dashboards(Path root) {
    Path directory = dashboardsDirectory(root);
    try (Stream<Path> files = Files.list(directory)) {
      List<Dashboard> dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().map(DashboardJson::read).toList();
      if (dashboards.isEmpty()) {
        throw new IllegalStateException("no dashboards in " + directory);
      }
      return dashboards;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}

package io.ktrdr.observability.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ktrdr.observability.provisioning.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {
  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    Files.createDirectories(root.resolve(path).getParent());
    Files.writeString(root.resolve(path), text);
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(path -> !path.equals(root)).map(path -> root.relativize(path).toString()).sorted().toList();
    }
  }

  @Test
  void writesNewFilesAndReplacesOldOnes() throws IOException {
    write("monitoring/prometheus/prometheus.yml", "old: true\n");

    TreeWriter.replace(root, Map.of(
        "monitoring/prometheus/prometheus.yml", "new: true\n",
        "monitoring/grafana/datasources.yml", "apiVersion: 1\n"), List.of());

    assertThat(root.resolve("monitoring/prometheus/prometheus.yml")).hasContent("new: true");
    assertThat(root.resolve("monitoring/grafana/datasources.yml")).hasContent("apiVersion: 1");
    assertThat(entries()).noneMatch(entry -> entry.startsWith(".provisioning-staging-"));
  }

  @Test
  void aFileThatDoesNotParseLeavesTheOldTreeUntouched() throws IOException {
    write("monitoring/prometheus/prometheus.yml", "old: true\n");
    write("monitoring/grafana/dashboards/a.json", "{\"old\":true}\n");
    List<String> before = entries();
    Map<String, String> files = new TreeMap<>(Map.of(
        "monitoring/grafana/dashboards/a.json", "{\"new\":true}\n",
        "monitoring/prometheus/prometheus.yml", "new: true\n",
        "monitoring/zz-broken.yml", "key: [unclosed\n"));

    assertThatThrownBy(() -> TreeWriter.replace(root, files, List.of("monitoring/grafana/dashboards")))
        .isInstanceOf(GenerationException.class)
        .hasMessageStartingWith("monitoring/zz-broken.yml: generated file does not parse back: ");

    assertThat(entries()).isEqualTo(before);
    assertThat(root.resolve("monitoring/prometheus/prometheus.yml")).hasContent("old: true");
    assertThat(root.resolve("monitoring/grafana/dashboards/a.json")).hasContent("{\"old\":true}");
  }

  @Test
  void fileWithoutFinalNewlineIsRefused() {
    assertThatThrownBy(() -> TreeWriter.replace(root, Map.of("monitoring/a.yml", "a: 1"), List.of()))
        .isInstanceOf(GenerationException.class)
        .hasMessage("monitoring/a.yml: expected LF line ends and a final newline");
  }

  @Test
  void dashboardsNoLongerGeneratedAreRemovedButOtherFilesStay() throws IOException {
    write("monitoring/grafana/dashboards/retired.json", "{}\n");
    write("monitoring/grafana/dashboards/notes.txt", "kept\n");

    TreeWriter.replace(root, Map.of("monitoring/grafana/dashboards/current.json", "{}\n"),
        List.of("monitoring/grafana/dashboards"));

    assertThat(root.resolve("monitoring/grafana/dashboards/retired.json")).doesNotExist();
    assertThat(root.resolve("monitoring/grafana/dashboards/notes.txt")).exists();
    assertThat(root.resolve("monitoring/grafana/dashboards/current.json")).exists();
  }

  @Test
  void unchangedFilesKeepTheirTimestamp() throws IOException {
    write("monitoring/a.yml", "a: 1\n");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(root.resolve("monitoring/a.yml"), old);

    TreeWriter.replace(root, Map.of("monitoring/a.yml", "a: 1\n"), List.of());

    assertThat(Files.getLastModifiedTime(root.resolve("monitoring/a.yml"))).isEqualTo(old);
  }
}

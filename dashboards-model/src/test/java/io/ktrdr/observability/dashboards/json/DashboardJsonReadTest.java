package io.ktrdr.observability.dashboards.json;

import static io.ktrdr.observability.dashboards.json.DashboardJsonTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.PrometheusTarget;
import io.ktrdr.observability.dashboards.model.RawTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardJsonReadTest {

  static final String EXPORT = "/export/grafana-export.json";

  @Test
  void grafanaExportReadsAndWritesBackWithNoFieldLost() throws IOException {
    String export = resource(EXPORT);

    String written = DashboardJson.write(DashboardJson.read(export));

    assertThat(tree(written)).isEqualTo(tree(export));
  }

  @Test
  void goldenFileReadsBackToTheSameBytes() throws IOException {
    String golden = resource(DashboardJsonTest.GOLDEN);

    assertThat(DashboardJson.write(DashboardJson.read(golden))).isEqualTo(golden);
  }

  @Test
  void exportIsTypedWhereTheModelKnowsTheFields() throws IOException {
    Dashboard dashboard = DashboardJson.read(resource(EXPORT));

    assertThat(dashboard.uid()).isEqualTo("api-service");
    assertThat(dashboard.refresh()).isEqualTo("30s");
    assertThat(dashboard.allPanels())
        .extracting(Panel::title)
        .containsExactly(
            "API up", "Requests", "Memory map", null, "Slow traces", "Trace", "Errors in logs",
            "Notes");
    assertThat(dashboard.rows()).extracting(Panel::title).containsExactly("Overview", "Traces and logs");
    assertThat(dashboard.rows().get(0).panels()).extracting(Panel::id).containsExactly(2, 3, 4, 5);
    Panel requests = dashboard.panel("Requests").orElseThrow();
    assertThat(requests.unit()).isEqualTo("reqps");
    assertThat(requests.prometheusTargets())
        .extracting(PrometheusTarget::refId, PrometheusTarget::legendFormat)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "{{code}}"),
            org.assertj.core.groups.Tuple.tuple("B", "total"));
    assertThat(requests.datasourceOf(requests.targets().get(0)).uid()).isEqualTo("${DS_PROMETHEUS}");
    assertThat(dashboard.panel("Slow traces").orElseThrow().jaegerTargets())
        .extracting(JaegerTarget::service, JaegerTarget::operation, JaegerTarget::tags)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("api", "GET /api/v1/operations", "error=true"));
    assertThat(dashboard.panel("Errors in logs").orElseThrow().targets())
        .singleElement()
        .isInstanceOf(RawTarget.class);
    assertThat(dashboard.panel("Memory map").orElseThrow().type())
        .isEqualTo("marcusolsson-treemap-panel");
    assertThat(dashboard.variable("job").orElseThrow().defaultValues()).containsExactly("$__all");
    assertThat(dashboard.variable("datasource").orElseThrow().defaultValues())
        .containsExactly("prometheus");
    assertThat(dashboard.additionalProperties()).containsKeys("__inputs", "__requires", "__elements");
  }

  @Test
  void readFromFileNamesTheFileLineAndColumnOfBadJson(@TempDir Path directory)
      throws IOException {
    Path file = directory.resolve("broken.json");
    Files.writeString(file, "{\n  \"uid\": \"x\",\n  \"title\": }\n");

    assertThatThrownBy(() -> DashboardJson.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ":3:12: Unexpected character ('}'");
  }

  @Test
  void duplicateKeysAreRefusedRatherThanSilentlyDropped() {
    assertThatThrownBy(() -> DashboardJson.read("{\"uid\": \"a\", \"uid\": \"b\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dashboard JSON:1:")
        .hasMessageContaining("Duplicate field 'uid'");
  }

  @Test
  void jsonThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> DashboardJson.read("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dashboard JSON: a dashboard must be a JSON object, not array");
  }

  @Test
  void fieldsOfAnUnexpectedShapeAreKeptAsTheyAre() {
    String json =
        "{\"uid\": 42, \"time\": {\"from\": \"now-1h\", \"to\": \"now\", \"raw\": true},"
            + " \"panels\": [{\"type\": \"stat\", \"gridPos\": {\"x\": 0}, \"datasource\": \"Prometheus\","
            + " \"targets\": [{\"expr\": \"up\", \"instant\": \"yes\"}]}]}";

    Dashboard dashboard = DashboardJson.read(json);

    assertThat(dashboard.uid()).isNull();
    assertThat(dashboard.time()).isNull();
    assertThat(tree(DashboardJson.write(dashboard))).isEqualTo(tree(json));
  }

  private static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}

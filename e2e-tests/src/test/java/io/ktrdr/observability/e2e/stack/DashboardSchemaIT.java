package io.ktrdr.observability.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The generated dashboards, checked against the dashboard schema Grafana publishes as typed Go code
 * (grafana-foundation-sdk), without a Grafana server.
 */
@Execution(ExecutionMode.CONCURRENT)
class DashboardSchemaIT {
  private static final Path PROJECT = Projects.root();
  private static final Path CHECK = PROJECT.resolve("native-stack/check-dashboards.sh");
  private static final Path DASHBOARDS = PROJECT.resolve("monitoring/grafana/dashboards");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void everyGeneratedDashboardDecodesStrictlyIntoGrafanasSchema() throws Exception {
    Result result = check(DASHBOARDS);

    assertThat(result.status).as(result.output).isZero();
    assertThat(result.output)
        .contains(
            DASHBOARDS.resolve("ktrdr-system-overview.json") + ": valid (uid ktrdr-system-overview,",
            DASHBOARDS.resolve("ktrdr-worker-status.json") + ": valid (uid ktrdr-worker-status,",
            DASHBOARDS.resolve("ktrdr-operations.json") + ": valid (uid ktrdr-operations,")
        .doesNotContain("invalid");
  }

  @Test
  void unknownFieldsWrongTypesAndPanelsOutsideTheGridAreRejectedByPath() throws Exception {
    ObjectNode dashboard =
        (ObjectNode) MAPPER.readTree(DASHBOARDS.resolve("ktrdr-worker-status.json").toFile());
    dashboard.put("refresh", 30);
    int stat = indexOfFirst(dashboard, "stat");
    ObjectNode statPanel = (ObjectNode) dashboard.get("panels").get(stat);
    ((ObjectNode) statPanel.get("options")).put("colourMode", "background");
    ((ObjectNode) statPanel.get("targets").get(0)).put("exprr", "up");
    int timeline = indexOfFirst(dashboard, "state-timeline");
    ObjectNode timelinePanel = (ObjectNode) dashboard.get("panels").get(timeline);
    ((ObjectNode) timelinePanel.get("gridPos")).put("w", 30);
    ((ObjectNode) timelinePanel.get("fieldConfig").get("defaults")).put("unitt", "none");
    Path broken = temp.resolve("broken.json");
    MAPPER.writeValue(broken.toFile(), dashboard);

    Result result = check(broken);

    assertThat(result.status).as(result.output).isEqualTo(1);
    assertThat(result.output)
        .contains(broken + ": invalid: 5 problem(s)")
        .contains(broken + ": refresh: json: cannot unmarshal number into Go value of type string")
        .contains(broken + ": panels[" + stat + "].options.colourMode: unknown field")
        .contains(broken + ": panels[" + stat + "].targets[0].exprr: unknown field")
        .contains(broken + ": panels[" + timeline + "].gridPos.w: must be <= 24")
        .contains(broken + ": panels[" + timeline + "].fieldConfig.defaults.unitt: unknown field");
  }

  @Test
  void whatGrafanasEditorsWriteButTheSdkSchemaMistypesIsANoteNotAnError() throws Exception {
    ObjectNode dashboard =
        (ObjectNode) MAPPER.readTree(DASHBOARDS.resolve("ktrdr-operations.json").toFile());
    int stat = indexOfFirst(dashboard, "stat");
    ObjectNode statPanel = (ObjectNode) dashboard.get("panels").get(stat);
    ((ObjectNode) statPanel.get("targets").get(0)).put("useBackend", false);
    ((ObjectNode) statPanel.get("fieldConfig").get("defaults"))
        .putArray("links")
        .addObject()
        .put("title", "Operations")
        .put("url", "/d/ktrdr-operations");
    Path edited = temp.resolve("edited.json");
    MAPPER.writeValue(edited.toFile(), dashboard);

    Result result = check(edited);

    assertThat(result.status).as(result.output).isZero();
    assertThat(result.output)
        .contains(edited + ": valid (uid ktrdr-operations,")
        .contains(
            edited
                + ": note: 1 accepted, written by Grafana's Prometheus query editor, missing from"
                + " the SDK's Prometheus query type (first: panels["
                + stat
                + "].targets[0].useBackend: unknown field)")
        .contains("panels[" + stat + "].fieldConfig.defaults.links[0].asDropdown");
  }

  @Test
  void malformedJsonIsRejectedWithItsLineAndColumn() throws Exception {
    Path malformed =
        Files.writeString(temp.resolve("malformed.json"), "{\n  \"uid\": \"x\",\n  \"title\": \n}\n");

    Result result = check(malformed);

    assertThat(result.status).isEqualTo(1);
    assertThat(result.output)
        .contains(malformed + ": line 4, column 2: invalid character '}' looking for beginning of value");
  }

  private static int indexOfFirst(ObjectNode dashboard, String type) {
    JsonNode panels = dashboard.get("panels");
    for (int i = 0; i < panels.size(); i++) {
      if (type.equals(panels.get(i).path("type").asText())) {
        return i;
      }
    }
    throw new AssertionError("no " + type + " panel in " + dashboard.path("uid").asText());
  }

  private Result check(Path dashboards) throws Exception {
    Path output = temp.resolve("output.txt");
    Process process =
        new ProcessBuilder("bash", CHECK.toString(), dashboards.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    // The first run compiles the checker (grafana-foundation-sdk) into the Go build cache.
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("check-dashboards.sh finished").isTrue();
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private record Result(int status, String output) {}
}

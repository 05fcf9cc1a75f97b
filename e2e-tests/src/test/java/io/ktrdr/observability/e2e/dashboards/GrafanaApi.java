package io.ktrdr.observability.e2e.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.e2e.harness.SimulatorRun;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.JsonHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Grafana's HTTP API as the Grafana-tagged tests use it, as the admin. */
final class GrafanaApi {
  private final URI grafana;
  private final JsonHttp http = JsonHttp.basicAuth("admin", "admin");

  /**
   * Grafana of {@code stack}, with a simulator running there (the shared steady one where none runs,
   * whatever runs otherwise): the compose mode brings its services up, and so has addresses, only
   * with its simulator.
   */
  GrafanaApi(StackHandle stack) {
    stack.simulator().filter(SimulatorRun::isRunning).orElseGet(() -> SharedStack.steady(stack));
    this.grafana = stack.grafanaUri().orElseThrow(() -> new AssertionError(
        "the grafana tests need a Grafana: Docker (compose mode), or KTRDR_GRAFANA_HOME naming an installed Grafana"));
  }

  JsonNode get(String pathAndQuery) {
    return http.get(grafana.resolve(pathAndQuery));
  }

  /** Uids of the dashboards in a folder, as the search API lists them (one entry per dashboard). */
  List<String> dashboardUidsInFolder(String folderUid) {
    List<String> uids = new ArrayList<>();
    get("/api/search?type=dash-db&folderUIDs=" + folderUid).forEach(hit -> uids.add(hit.path("uid").asText()));
    return uids;
  }
}

package io.ktrdr.observability.e2e.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Variable;
import io.ktrdr.observability.e2e.harness.ProjectFiles;
import io.ktrdr.observability.e2e.harness.StackHandle;
import io.ktrdr.observability.e2e.panels.DashboardQueries;
import io.ktrdr.observability.e2e.panels.JaegerPanelQuery;
import io.ktrdr.observability.e2e.panels.PanelQuery;
import io.ktrdr.observability.e2e.panels.PrometheusPanelQuery;
import io.ktrdr.observability.e2e.panels.QueryFailedException;
import io.ktrdr.observability.e2e.panels.QueryPath;
import io.ktrdr.observability.e2e.panels.QueryResult;
import io.ktrdr.observability.e2e.panels.TemplateInterpolator;
import io.ktrdr.observability.e2e.panels.VariableOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The generated dashboards' panels, run against a stack through one query path. */
final class Panels {
  static final List<Dashboard> DASHBOARDS = ProjectFiles.dashboards(ProjectFiles.root());

  private final StackHandle stack;
  private final QueryPath path;

  Panels(StackHandle stack, QueryPath path) {
    this.stack = stack;
    this.path = path;
  }

  static Dashboard dashboard(String uid) {
    return DASHBOARDS.stream().filter(d -> d.uid().equals(uid)).findFirst()
        .orElseThrow(() -> new AssertionError("no dashboard " + uid + " in " + ProjectFiles.dashboardsDirectory(ProjectFiles.root())));
  }

  /** The dashboard's default time range ending now (all three default to the last 6 hours). */
  static Instant defaultFrom(Dashboard dashboard, Instant to) {
    String from = dashboard.time().from();
    assertThat(from).as("%s: default time range start", dashboard.title()).matches("now-\\d+[smhd]");
    return to.minus(io.ktrdr.observability.e2e.panels.GrafanaIntervals.parse(from.substring(4)));
  }

  /** Every target of the dashboard with {@code selection}, over [from, to]. */
  List<PanelQuery> plan(Dashboard dashboard, Map<String, List<String>> selection, Instant from, Instant to) {
    Map<String, List<String>> options = VariableOptions.resolve(dashboard, selection, stack.prometheusUri(), from, to);
    return DashboardQueries.of(dashboard, TemplateInterpolator.of(dashboard.variables(), selection, options),
        from, to, stack.scrapeInterval());
  }

  /** One target of one panel at the dashboard's defaults, over [from, to]. */
  PanelQuery target(String dashboardUid, String panelTitle, String refId, Instant from, Instant to) {
    Dashboard dashboard = dashboard(dashboardUid);
    return plan(dashboard, Map.of(), from, to).stream()
        .filter(q -> q.panel().panelTitle().equals(panelTitle) && q.panel().refId().equals(refId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no panel '" + panelTitle + "' with refId " + refId + " in " + dashboard.title()));
  }

  QueryResult run(PanelQuery query) {
    return path.run(query);
  }

  /**
   * For every variable with options beyond its default, one selection with the first other option:
   * variable name to selection. Datasource variables have one datasource each and are left out.
   */
  Map<String, Map<String, List<String>>> otherValues(Dashboard dashboard, Instant from, Instant to) {
    Map<String, List<String>> options = VariableOptions.resolve(dashboard, Map.of(), stack.prometheusUri(), from, to);
    Map<String, Map<String, List<String>>> selections = new LinkedHashMap<>();
    for (Variable variable : dashboard.variables()) {
      List<String> defaults = variable.defaultValues();
      options.getOrDefault(variable.name(), List.of()).stream()
          .filter(option -> !defaults.equals(List.of(option)))
          .findFirst()
          .filter(option -> !"datasource".equals(variable.type()))
          .ifPresent(option -> selections.put(variable.name() + "=" + option, Map.of(variable.name(), List.of(option))));
    }
    return selections;
  }

  /**
   * Polls until every query returns data, re-planning each round (the time range ends now), and
   * records when each first did.
   *
   * @param plan the queries of one round, given its end time
   * @return when each query (by its description) first returned data
   */
  Map<String, Instant> awaitAllPopulated(Function<Instant, List<PanelQuery>> plan, Duration deadline) {
    Map<String, Instant> populatedAt = new LinkedHashMap<>();
    Map<String, String> stillEmpty = new LinkedHashMap<>();
    await().atMost(deadline).pollInterval(POPULATION_POLL).pollDelay(Duration.ZERO).untilAsserted(() -> {
      populationRound(plan, populatedAt, stillEmpty);
      assertAllPopulated(stillEmpty);
    });
    return populatedAt;
  }

  /** How often {@link #awaitAllPopulated} and {@link PanelPopulation} look again. */
  static final Duration POPULATION_POLL = Duration.ofMillis(500);

  /**
   * One round of {@link #awaitAllPopulated}: runs each planned query not yet in {@code populatedAt},
   * adds those that returned data with the time, and leaves in {@code stillEmpty} those that did not.
   */
  void populationRound(Function<Instant, List<PanelQuery>> plan, Map<String, Instant> populatedAt, Map<String, String> stillEmpty) {
    stillEmpty.clear();
    for (PanelQuery query : plan.apply(Instant.now())) {
      String key = key(query);
      if (populatedAt.containsKey(key)) {
        continue;
      }
      try {
        QueryResult result = path.run(query);
        if (result.isEmpty()) {
          stillEmpty.put(key, "empty\n  sent: " + result.request());
        } else {
          populatedAt.put(key, Instant.now());
        }
      } catch (QueryFailedException e) {
        stillEmpty.put(key, "failed: " + e.getMessage());
      }
    }
  }

  /** Fails naming every query of the last round that returned no data. */
  void assertAllPopulated(Map<String, String> stillEmpty) {
    assertThat(stillEmpty)
        .as("panels without data through %s:\n%s", path.name(), stillEmpty.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  /** Every target of every dashboard at its defaults over its default range ending at {@code to}. */
  List<PanelQuery> defaults(Instant to) {
    return all(DASHBOARDS.stream().map(d -> plan(d, Map.of(), defaultFrom(d, to), to)).toList());
  }

  /** A query's identity across rounds: its panel and what it asks. */
  static String key(PanelQuery query) {
    if (query instanceof PrometheusPanelQuery prometheus) {
      return query.panel() + ": " + prometheus.finalExpr();
    }
    JaegerPanelQuery jaeger = (JaegerPanelQuery) query;
    return query.panel() + ": service=" + jaeger.service() + " operation=" + jaeger.operation() + " tags=" + jaeger.tags();
  }

  static List<PanelQuery> all(List<List<PanelQuery>> groups) {
    List<PanelQuery> all = new ArrayList<>();
    groups.forEach(all::addAll);
    return all;
  }
}

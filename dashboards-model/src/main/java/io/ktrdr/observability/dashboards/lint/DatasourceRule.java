package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import io.ktrdr.observability.dashboards.model.Annotation;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.DatasourceRef;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.Target;
import io.ktrdr.observability.dashboards.model.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every panel, target, query variable and annotation uses a datasource that resolves: a
 * datasource variable of the dashboard (of the plugin the reference names) or a provisioned uid.
 * The mixed datasource is fine on a panel whose targets all name their own; text panels and rows
 * need none.
 */
final class DatasourceRule implements LintRule {

  static final String ID = "datasource-resolves";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Panel panel : dashboard.allPanels()) {
      if (!Panels.queries(panel)) {
        continue;
      }
      DatasourceRef panelDatasource = panel.datasource();
      boolean mixed = panelDatasource != null
          && DatasourceRef.MIXED_UID.equals(panelDatasource.uid());
      if (panelDatasource != null && !mixed) {
        problem(panelDatasource, dashboard, context)
            .ifPresent(p -> findings.add(Finding.of(ID, dashboard, panel, null, p)));
      }
      for (Target target : Json.orEmpty(panel.targets())) {
        DatasourceRef own = target.datasource();
        if (own == null) {
          if (panelDatasource == null) {
            findings.add(
                Finding.of(ID, dashboard, panel, target.refId(),
                    "neither the target nor its panel names a datasource"));
          } else if (mixed) {
            findings.add(
                Finding.of(ID, dashboard, panel, target.refId(),
                    "the panel's datasource is mixed but the target names none"));
          }
        } else if (!own.equals(panelDatasource)) {
          problem(own, dashboard, context)
              .ifPresent(p -> findings.add(Finding.of(ID, dashboard, panel, target.refId(), p)));
        }
      }
      if (panelDatasource == null && Json.orEmpty(panel.targets()).isEmpty()) {
        findings.add(Finding.of(ID, dashboard, panel, null, "panel names no datasource"));
      }
    }
    for (Variable variable : Json.orEmpty(dashboard.variables())) {
      if (variable.datasource() != null) {
        problem(variable.datasource(), dashboard, context)
            .ifPresent(p -> findings.add(
                Finding.of(ID, dashboard, "variable " + variable.name() + ": " + p)));
      } else if ("query".equals(variable.type())) {
        findings.add(
            Finding.of(ID, dashboard, "variable " + variable.name() + ": names no datasource"));
      }
    }
    for (Annotation annotation : Json.orEmpty(dashboard.annotations())) {
      boolean builtIn = annotation.builtIn() != null && annotation.builtIn() == 1;
      if (annotation.datasource() != null && !builtIn) {
        problem(annotation.datasource(), dashboard, context)
            .ifPresent(p -> findings.add(
                Finding.of(ID, dashboard, "annotation " + annotation.name() + ": " + p)));
      }
    }
    return findings;
  }

  private static Optional<String> problem(
      DatasourceRef datasource, Dashboard dashboard, LintContext context) {
    String uid = datasource.uid();
    if (uid == null) {
      return Optional.of("datasource has no uid");
    }
    String variableName = datasource.variableName();
    if (variableName == null) {
      if (context.provisionedDatasourceUids().contains(uid)) {
        return Optional.empty();
      }
      return Optional.of(
          "datasource uid " + uid + " is not provisioned (provisioned: "
              + String.join(", ", new TreeSet<>(context.provisionedDatasourceUids())) + ")");
    }
    Optional<Variable> variable = dashboard.variable(variableName);
    if (variable.isEmpty()) {
      return Optional.of("datasource variable " + uid + " is not defined on the dashboard");
    }
    if (!"datasource".equals(variable.get().type())) {
      return Optional.of(
          "variable " + variableName + " is a " + variable.get().type()
              + " variable, not a datasource variable");
    }
    String plugin = variable.get().query();
    @Nullable String type = datasource.type();
    if (type != null && plugin != null && !type.equals(plugin)) {
      return Optional.of(
          "datasource " + uid + " chooses among " + plugin + " datasources but the reference says "
              + type);
    }
    return Optional.empty();
  }
}

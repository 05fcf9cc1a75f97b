package io.ktrdr.observability.dashboards.lint;

import static io.ktrdr.observability.dashboards.lint.PanelTitleDescriptionRule.isBlank;

import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every dashboard has a uid Grafana accepts (at most 40 letters, digits, '-' or '_'), a title and
 * a description.
 */
final class DashboardMetadataRule implements LintRule {

  static final String ID = "dashboard-metadata";
  private static final Pattern UID = Pattern.compile("[a-zA-Z0-9_-]{1,40}");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Dashboard dashboard, LintContext context) {
    List<Finding> findings = new ArrayList<>();
    if (isBlank(dashboard.uid())) {
      findings.add(Finding.of(ID, dashboard, "dashboard has no uid"));
    } else if (!UID.matcher(dashboard.uid()).matches()) {
      findings.add(
          Finding.of(ID, dashboard,
              "uid " + dashboard.uid() + " must be 1 to 40 letters, digits, '-' or '_'"));
    }
    if (isBlank(dashboard.title())) {
      findings.add(Finding.of(ID, dashboard, "dashboard has no title"));
    }
    if (isBlank(dashboard.description())) {
      findings.add(Finding.of(ID, dashboard, "dashboard has no description"));
    }
    return findings;
  }
}

package io.ktrdr.observability.dashboards.lint;

import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.List;

/** One rule of the lint: looks at a dashboard and returns what is wrong with it. */
public interface LintRule {

  /** A short stable id in kebab case, such as {@code panel-unit}. */
  String id();

  /** The findings for {@code dashboard}; empty when it passes. */
  List<Finding> check(Dashboard dashboard, LintContext context);
}

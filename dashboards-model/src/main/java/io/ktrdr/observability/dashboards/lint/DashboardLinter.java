package io.ktrdr.observability.dashboards.lint;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every lint rule over a set of dashboards.
 *
 * <pre>{@code
 * DashboardLinter linter = DashboardLinter.builder()
 *     .provisionedDatasources("prometheus", "jaeger")
 *     .metricCatalog(catalog)
 *     .build();
 * linter.check(dashboards); // throws LintException listing every finding
 * }</pre>
 *
 * <p>Rules, by id: dashboard-uid-unique, dashboard-metadata, dashboard-not-editable (only with
 * {@link Builder#requireNotEditable(boolean)}), prometheus-datasource-variable,
 * variable-refresh-on-time-change, panel-id-unique,
 * panel-in-grid, panel-no-overlap, panel-title-description, panel-has-targets, panel-unit,
 * datasource-resolves, promql-syntax, metric-in-catalog, rate-interval, counter-not-raw,
 * no-host-matcher.
 */
public final class DashboardLinter {

  private final List<LintRule> rules;
  private final Set<String> provisionedDatasourceUids;
  @Nullable private final MetricCatalog metricCatalog;
  private final boolean requireNotEditable;

  private DashboardLinter(Builder builder) {
    this.rules = List.copyOf(builder.rules);
    this.provisionedDatasourceUids = Set.copyOf(builder.provisionedDatasourceUids);
    this.metricCatalog = builder.metricCatalog;
    this.requireNotEditable = builder.requireNotEditable;
  }

  /** A linter with every built-in rule. */
  public static Builder builder() {
    return new Builder();
  }

  /** The built-in rules, in the order they run. */
  public static List<LintRule> defaultRules() {
    return List.of(
        new UniqueUidRule(),
        new DashboardMetadataRule(),
        new NotEditableRule(),
        new PrometheusDatasourceVariableRule(),
        new VariableRefreshRule(),
        new UniquePanelIdRule(),
        new PanelInGridRule(),
        new NoOverlapRule(),
        new PanelTitleDescriptionRule(),
        new PanelTargetsRule(),
        new PanelUnitRule(),
        new DatasourceRule(),
        new PromQlSyntaxRule(),
        new MetricInCatalogRule(),
        new RateIntervalRule(),
        new CounterNotRawRule(),
        new NoHostMatcherRule());
  }

  /** The ids of the rules this linter runs, in order. */
  public List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    rules.forEach(rule -> ids.add(rule.id()));
    return ids;
  }

  /** Every finding for the dashboards, dashboard by dashboard, rule by rule. */
  public List<Finding> lint(Collection<Dashboard> dashboards) {
    requireNonNull(dashboards, "dashboards");
    List<Dashboard> all = List.copyOf(dashboards);
    LintContext context =
        new LintContext(
            all, provisionedDatasourceUids, Optional.ofNullable(metricCatalog), requireNotEditable);
    List<Finding> findings = new ArrayList<>();
    for (Dashboard dashboard : all) {
      for (LintRule rule : rules) {
        findings.addAll(rule.check(dashboard, context));
      }
    }
    return List.copyOf(findings);
  }

  public List<Finding> lint(Dashboard... dashboards) {
    return lint(List.of(dashboards));
  }

  /**
   * Fails when any rule finds anything.
   *
   * @throws LintException listing every finding
   */
  public void check(Collection<Dashboard> dashboards) {
    List<Finding> findings = lint(dashboards);
    if (!findings.isEmpty()) {
      throw new LintException(findings);
    }
  }

  public void check(Dashboard... dashboards) {
    check(List.of(dashboards));
  }

  /** Builds a {@link DashboardLinter}. */
  public static final class Builder {
    private final List<LintRule> rules = new ArrayList<>(defaultRules());
    private final Set<String> provisionedDatasourceUids = new LinkedHashSet<>();
    @Nullable private MetricCatalog metricCatalog;
    private boolean requireNotEditable;

    private Builder() {}

    /** Uids of the datasources Grafana is provisioned with, such as {@code prometheus}. */
    public Builder provisionedDatasources(String... uids) {
      for (String uid : uids) {
        provisionedDatasourceUids.add(requireNonNull(uid, "uid"));
      }
      return this;
    }

    public Builder provisionedDatasources(Collection<String> uids) {
      return provisionedDatasources(uids.toArray(new String[0]));
    }

    /** The metrics expressions may name; without it the catalog rules pass. */
    public Builder metricCatalog(MetricCatalog metricCatalog) {
      this.metricCatalog = requireNonNull(metricCatalog, "metricCatalog");
      return this;
    }

    /** Requires {@code editable: false} (off by default). */
    public Builder requireNotEditable(boolean requireNotEditable) {
      this.requireNotEditable = requireNotEditable;
      return this;
    }

    /** Adds a rule of the caller's own, run after the built-in ones. */
    public Builder rule(LintRule rule) {
      rules.add(requireNonNull(rule, "rule"));
      return this;
    }

    public DashboardLinter build() {
      return new DashboardLinter(this);
    }
  }
}

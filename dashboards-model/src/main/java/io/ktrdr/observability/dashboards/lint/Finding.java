package io.ktrdr.observability.dashboards.lint;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;
import io.ktrdr.observability.dashboards.model.Dashboard;
import io.ktrdr.observability.dashboards.model.Panel;
import java.util.Objects;

/**
 * One problem a {@link LintRule} found: the rule, the dashboard (uid and title), the panel title
 * and target refId where they apply, and what is wrong.
 */
public final class Finding {

  private final String ruleId;
  @Nullable private final String dashboardUid;
  @Nullable private final String dashboardTitle;
  @Nullable private final String panelTitle;
  @Nullable private final String refId;
  private final String message;

  private Finding(
      String ruleId,
      @Nullable String dashboardUid,
      @Nullable String dashboardTitle,
      @Nullable String panelTitle,
      @Nullable String refId,
      String message) {
    this.ruleId = requireNonNull(ruleId, "ruleId");
    this.dashboardUid = dashboardUid;
    this.dashboardTitle = dashboardTitle;
    this.panelTitle = panelTitle;
    this.refId = refId;
    this.message = requireNonNull(message, "message");
  }

  /** A finding about the dashboard as a whole. */
  public static Finding of(String ruleId, Dashboard dashboard, String message) {
    return of(ruleId, dashboard, null, null, message);
  }

  /** A finding about a panel (null for the dashboard) and one of its targets (null for none). */
  public static Finding of(
      String ruleId,
      Dashboard dashboard,
      @Nullable Panel panel,
      @Nullable String refId,
      String message) {
    requireNonNull(dashboard, "dashboard");
    return new Finding(
        ruleId,
        dashboard.uid(),
        dashboard.title(),
        panel == null ? null : panelName(panel),
        refId,
        message);
  }

  private static String panelName(Panel panel) {
    if (panel.title() != null && !panel.title().isBlank()) {
      return panel.title();
    }
    return panel.id() == null ? "(untitled)" : "(untitled, id " + panel.id() + ")";
  }

  /** The id of the rule, such as {@code counter-not-raw}. */
  public String ruleId() {
    return ruleId;
  }

  @Nullable
  public String dashboardUid() {
    return dashboardUid;
  }

  @Nullable
  public String dashboardTitle() {
    return dashboardTitle;
  }

  /** The panel's title; null for findings about the dashboard itself. */
  @Nullable
  public String panelTitle() {
    return panelTitle;
  }

  /** The target's refId; null when the finding is not about one target. */
  @Nullable
  public String refId() {
    return refId;
  }

  public String message() {
    return message;
  }

  /** {@code [rule] dashboard uid ("Title"), panel "P", target A: message}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[").append(ruleId).append("] dashboard ");
    text.append(dashboardUid == null ? "(no uid)" : dashboardUid);
    if (dashboardTitle != null) {
      text.append(" (\"").append(dashboardTitle).append("\")");
    }
    if (panelTitle != null) {
      text.append(", panel \"").append(panelTitle).append('"');
    }
    if (refId != null) {
      text.append(", target ").append(refId);
    }
    return text.append(": ").append(message).toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Finding)) {
      return false;
    }
    Finding that = (Finding) o;
    return ruleId.equals(that.ruleId)
        && Objects.equals(dashboardUid, that.dashboardUid)
        && Objects.equals(dashboardTitle, that.dashboardTitle)
        && Objects.equals(panelTitle, that.panelTitle)
        && Objects.equals(refId, that.refId)
        && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ruleId, dashboardUid, dashboardTitle, panelTitle, refId, message);
  }
}

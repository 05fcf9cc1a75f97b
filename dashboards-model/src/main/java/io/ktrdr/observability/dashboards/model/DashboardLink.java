package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A link in a dashboard's header: to a URL ({@value #LINK}) or to the dashboards with given tags
 * ({@value #DASHBOARDS}), optionally carrying the time range and variables. A null component is a
 * field the JSON leaves out.
 *
 * <pre>{@code
 * DashboardLink.link("Worker status", "/d/ktrdr-worker-status").keepTime(true).includeVars(true)
 * }</pre>
 */
public record DashboardLink(
    @Nullable String type,
    @Nullable String title,
    @Nullable String url,
    @Nullable List<String> tags,
    @Nullable Boolean asDropdown,
    @Nullable Boolean includeVars,
    @Nullable Boolean keepTime,
    @Nullable Boolean targetBlank,
    @Nullable String icon,
    @Nullable String tooltip,
    Map<String, JsonNode> additionalProperties) {

  public static final String LINK = "link";
  public static final String DASHBOARDS = "dashboards";

  public DashboardLink {
    tags = Json.copyList(tags, "tags");
    additionalProperties = Json.copyProperties(additionalProperties);
  }

  /** A link to {@code url}. */
  public static Builder link(String title, String url) {
    return new Builder(LINK, title, requireNonNull(url, "url"), List.of(), "external link");
  }

  /** Links to every dashboard tagged with all of {@code tags}. */
  public static Builder dashboards(String title, String... tags) {
    return new Builder(DASHBOARDS, title, null, List.of(tags), "dashboard");
  }

  @Override
  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** Builds a {@link DashboardLink}. */
  public static final class Builder extends ObjectBuilder<Builder> {
    private final String type;
    private final String title;
    @Nullable private final String url;
    private List<String> tags;
    @Nullable private Boolean asDropdown;
    @Nullable private Boolean includeVars;
    @Nullable private Boolean keepTime;
    @Nullable private Boolean targetBlank;
    private String icon;
    @Nullable private String tooltip;

    private Builder(String type, String title, @Nullable String url, List<String> tags, String icon) {
      this.type = type;
      this.title = requireNonNull(title, "title");
      this.url = url;
      this.tags = tags;
      this.icon = icon;
    }

    public Builder tags(List<String> tags) {
      this.tags = List.copyOf(requireNonNull(tags, "tags"));
      return this;
    }

    /** Shows the linked dashboards in a dropdown instead of one link each. */
    public Builder asDropdown(boolean asDropdown) {
      this.asDropdown = asDropdown;
      return this;
    }

    /** Carries the current variable values to the linked dashboard. */
    public Builder includeVars(boolean includeVars) {
      this.includeVars = includeVars;
      return this;
    }

    /** Carries the current time range to the linked dashboard. */
    public Builder keepTime(boolean keepTime) {
      this.keepTime = keepTime;
      return this;
    }

    public Builder targetBlank(boolean targetBlank) {
      this.targetBlank = targetBlank;
      return this;
    }

    public Builder icon(String icon) {
      this.icon = requireNonNull(icon, "icon");
      return this;
    }

    public Builder tooltip(String tooltip) {
      this.tooltip = requireNonNull(tooltip, "tooltip");
      return this;
    }

    public DashboardLink build() {
      return new DashboardLink(
          type, title, url, tags, asDropdown, includeVars, keepTime, targetBlank, icon, tooltip,
          additionalProperties);
    }
  }
}

package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.internal.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A link in a dashboard's header: to a URL ({@value #LINK}) or to the dashboards with given tags
 * ({@value #DASHBOARDS}), optionally carrying the time range and variables.
 *
 * <pre>{@code
 * DashboardLink.link("Worker status", "/d/ktrdr-worker-status").keepTime(true).includeVars(true)
 * }</pre>
 */
public final class DashboardLink {

  public static final String LINK = "link";
  public static final String DASHBOARDS = "dashboards";

  @Nullable private final String type;
  @Nullable private final String title;
  @Nullable private final String url;
  @Nullable private final List<String> tags;
  @Nullable private final Boolean asDropdown;
  @Nullable private final Boolean includeVars;
  @Nullable private final Boolean keepTime;
  @Nullable private final Boolean targetBlank;
  @Nullable private final String icon;
  @Nullable private final String tooltip;
  private final Map<String, JsonNode> additionalProperties;

  private DashboardLink(Builder builder) {
    this.type = builder.type;
    this.title = builder.title;
    this.url = builder.url;
    this.tags = Json.copyList(builder.tags, "tags");
    this.asDropdown = builder.asDropdown;
    this.includeVars = builder.includeVars;
    this.keepTime = builder.keepTime;
    this.targetBlank = builder.targetBlank;
    this.icon = builder.icon;
    this.tooltip = builder.tooltip;
    this.additionalProperties = Json.copyProperties(builder.additionalProperties);
  }

  /** A link to {@code url}. */
  public static Builder link(String title, String url) {
    return new Builder().type(LINK).title(title).url(url).icon("external link").tags(List.of());
  }

  /** Links to every dashboard tagged with all of {@code tags}. */
  public static Builder dashboards(String title, String... tags) {
    return new Builder().type(DASHBOARDS).title(title).tags(List.of(tags)).icon("dashboard");
  }

  /** A link with nothing set, for exact reading. */
  public static Builder bareBuilder() {
    return new Builder();
  }

  @Nullable
  public String type() {
    return type;
  }

  @Nullable
  public String title() {
    return title;
  }

  @Nullable
  public String url() {
    return url;
  }

  /** The tags of the dashboards linked; empty when absent. */
  public List<String> tags() {
    return tags == null ? List.of() : tags;
  }

  public boolean hasTags() {
    return tags != null;
  }

  @Nullable
  public Boolean asDropdown() {
    return asDropdown;
  }

  @Nullable
  public Boolean includeVars() {
    return includeVars;
  }

  @Nullable
  public Boolean keepTime() {
    return keepTime;
  }

  @Nullable
  public Boolean targetBlank() {
    return targetBlank;
  }

  @Nullable
  public String icon() {
    return icon;
  }

  @Nullable
  public String tooltip() {
    return tooltip;
  }

  public Map<String, JsonNode> additionalProperties() {
    return Json.copyProperties(additionalProperties);
  }

  /** Builds a {@link DashboardLink}. */
  public static final class Builder {
    @Nullable private String type;
    @Nullable private String title;
    @Nullable private String url;
    @Nullable private List<String> tags;
    @Nullable private Boolean asDropdown;
    @Nullable private Boolean includeVars;
    @Nullable private Boolean keepTime;
    @Nullable private Boolean targetBlank;
    @Nullable private String icon;
    @Nullable private String tooltip;
    private final Map<String, JsonNode> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    public Builder type(String type) {
      this.type = requireNonNull(type, "type");
      return this;
    }

    public Builder title(String title) {
      this.title = requireNonNull(title, "title");
      return this;
    }

    public Builder url(String url) {
      this.url = requireNonNull(url, "url");
      return this;
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

    /** Adds a field the model does not type; it is written as given. */
    public Builder additionalProperty(String name, Object value) {
      additionalProperties.put(requireNonNull(name, "name"), Json.toNode(value));
      return this;
    }

    public Builder additionalProperties(Map<String, JsonNode> properties) {
      additionalProperties.putAll(Json.copyProperties(properties));
      return this;
    }

    public DashboardLink build() {
      return new DashboardLink(this);
    }
  }
}

package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

import io.ktrdr.observability.dashboards.internal.Nullable;

/**
 * What the builders of typed targets share: the refId (assigned by the panel when not given), the
 * datasource (the panel's when not given) and whether the query is hidden.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class TargetBuilder<B extends TargetBuilder<B>> extends ObjectBuilder<B> {

  @Nullable String refId;
  @Nullable DatasourceRef datasource;
  @Nullable Boolean hide;

  TargetBuilder() {}

  public B refId(String refId) {
    this.refId = requireNonNull(refId, "refId");
    return self();
  }

  public B datasource(DatasourceRef datasource) {
    this.datasource = requireNonNull(datasource, "datasource");
    return self();
  }

  public B hide(boolean hide) {
    this.hide = hide;
    return self();
  }

  public abstract Target build();
}

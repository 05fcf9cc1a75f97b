package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Grafana as the environment runs it. Defaults are the safe ones: anonymous access off,
 * datasources and provisioned dashboards not editable from the UI.
 *
 * @param url where users open Grafana (its root URL)
 * @param adminUser the admin login
 * @param adminPassword where the admin password comes from
 * @param anonymousAccess whether visitors get in without logging in; {@link AnonymousAccess#DISABLED} by default
 * @param datasourcesEditable whether provisioned datasources may be changed in the UI; false by default
 * @param allowUiUpdates whether provisioned dashboards may be saved from the UI; false by default
 * @param dashboardsPath where Grafana reads the dashboard files; {@value #DEFAULT_DASHBOARDS_PATH} by
 *     default. A relative path is taken relative to the generated monitoring directory.
 * @param database Grafana's database on PostgreSQL; empty for the SQLite file in its volume (the default)
 */
public record GrafanaSettings(
    URI url,
    String adminUser,
    SecretSource adminPassword,
    AnonymousAccess anonymousAccess,
    boolean datasourcesEditable,
    boolean allowUiUpdates,
    String dashboardsPath,
    java.util.Optional<GrafanaDatabase> database) {

  /** With the SQLite file in Grafana's volume. */
  public GrafanaSettings(URI url, String adminUser, SecretSource adminPassword, AnonymousAccess anonymousAccess,
      boolean datasourcesEditable, boolean allowUiUpdates, String dashboardsPath) {
    this(url, adminUser, adminPassword, anonymousAccess, datasourcesEditable, allowUiUpdates, dashboardsPath,
        java.util.Optional.empty());
  }

  /** Where the Grafana container reads the dashboards mounted from {@code monitoring/grafana/dashboards}. */
  public static final String DEFAULT_DASHBOARDS_PATH = "/var/lib/grafana/dashboards";

  public GrafanaSettings {
    requireNonNull(url, "url");
    requireNonNull(adminUser, "adminUser");
    requireNonNull(adminPassword, "adminPassword");
    requireNonNull(anonymousAccess, "anonymousAccess");
    requireNonNull(dashboardsPath, "dashboardsPath");
    requireNonNull(database, "database");
    Checks.require("url", Checks.url(url.toString()));
    Checks.require("adminUser", Checks.notBlank(adminUser));
    Checks.require("dashboardsPath", Checks.notBlank(dashboardsPath));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().url(url).adminUser(adminUser).adminPassword(adminPassword)
        .anonymousAccess(anonymousAccess).datasourcesEditable(datasourcesEditable).allowUiUpdates(allowUiUpdates)
        .dashboardsPath(dashboardsPath).database(database.orElse(null));
  }

  /** Builds {@link GrafanaSettings}; url, adminUser and adminPassword are required. */
  public static final class Builder {
    private URI url;
    private String adminUser;
    private SecretSource adminPassword;
    private AnonymousAccess anonymousAccess = AnonymousAccess.DISABLED;
    private boolean datasourcesEditable;
    private boolean allowUiUpdates;
    private String dashboardsPath = DEFAULT_DASHBOARDS_PATH;
    private GrafanaDatabase database;

    private Builder() {}

    /** Grafana's PostgreSQL database, or null for its SQLite file. */
    public Builder database(GrafanaDatabase database) {
      this.database = database;
      return this;
    }

    public Builder url(URI url) {
      this.url = requireNonNull(url, "url");
      return this;
    }

    public Builder adminUser(String adminUser) {
      this.adminUser = requireNonNull(adminUser, "adminUser");
      return this;
    }

    public Builder adminPassword(SecretSource adminPassword) {
      this.adminPassword = requireNonNull(adminPassword, "adminPassword");
      return this;
    }

    public Builder anonymousAccess(AnonymousAccess anonymousAccess) {
      this.anonymousAccess = requireNonNull(anonymousAccess, "anonymousAccess");
      return this;
    }

    public Builder datasourcesEditable(boolean datasourcesEditable) {
      this.datasourcesEditable = datasourcesEditable;
      return this;
    }

    public Builder allowUiUpdates(boolean allowUiUpdates) {
      this.allowUiUpdates = allowUiUpdates;
      return this;
    }

    public Builder dashboardsPath(String dashboardsPath) {
      this.dashboardsPath = requireNonNull(dashboardsPath, "dashboardsPath");
      return this;
    }

    public GrafanaSettings build() {
      return new GrafanaSettings(url, adminUser, adminPassword, anonymousAccess, datasourcesEditable,
          allowUiUpdates, dashboardsPath, java.util.Optional.ofNullable(database));
    }
  }
}

package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Grafana's database on PostgreSQL instead of the SQLite file in its volume: what several Grafana
 * replicas behind one proxy share (users, sessions, preferences, annotations). The replicas must
 * also share one secret key, which this kit leaves to the operator (docs/running.md).
 *
 * @param host the server as {@code host:port}
 * @param name the database
 * @param user the database user
 * @param passwordFile the file holding the user's password (a Docker secret in the compose file)
 * @param sslMode PostgreSQL's sslmode: {@code disable}, {@code require}, {@code verify-ca} or {@code verify-full}
 */
public record GrafanaDatabase(String host, String name, String user, String passwordFile, String sslMode) {
  public static final List<String> SSL_MODES = List.of("disable", "require", "verify-ca", "verify-full");
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?:[0-9]{1,5}");

  public GrafanaDatabase {
    requireNonNull(host, "host");
    requireNonNull(name, "name");
    requireNonNull(user, "user");
    requireNonNull(passwordFile, "passwordFile");
    requireNonNull(sslMode, "sslMode");
    if (!HOST_PORT.matcher(host).matches()) {
      throw new IllegalArgumentException("host: expected host:port of the PostgreSQL server, got " + Checks.quote(host));
    }
    Checks.require("name", Checks.notBlank(name));
    Checks.require("user", Checks.notBlank(user));
    Checks.require("passwordFile", Checks.absolutePath(passwordFile));
    if (!SSL_MODES.contains(sslMode)) {
      throw new IllegalArgumentException("sslMode: expected one of " + String.join(", ", SSL_MODES) + ", got "
          + Checks.quote(sslMode));
    }
  }
}

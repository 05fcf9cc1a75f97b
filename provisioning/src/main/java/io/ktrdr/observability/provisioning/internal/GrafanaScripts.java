package io.ktrdr.observability.provisioning.internal;

import io.ktrdr.observability.provisioning.environment.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The shell checks shipped beside Grafana's provisioning: {@value #ADMIN_PASSWORD_CHECK}, run by
 * the compose file before anything starts, and {@value #DEFAULT_LOGIN_CHECK}, run by the operator
 * after the start.
 */
public final class GrafanaScripts {
  /** Refuses a missing, unreadable, empty or default admin password (POSIX sh). */
  public static final String ADMIN_PASSWORD_CHECK = "check-admin-password.sh";
  /** Fails when Grafana accepts the default login (sh and curl). */
  public static final String DEFAULT_LOGIN_CHECK = "check-default-login.sh";

  private GrafanaScripts() {}

  public static String adminPasswordCheck() {
    return resource(ADMIN_PASSWORD_CHECK);
  }

  /** Tries {@code admin} and the environment's admin user, each with the password {@code admin}. */
  public static String defaultLoginCheck(Environment environment) {
    Set<String> users = new LinkedHashSet<>();
    users.add("admin");
    String adminUser = environment.grafana().adminUser();
    if (adminUser.matches("[A-Za-z0-9._@-]+")) { // safe unquoted in the script's word list
      users.add(adminUser);
    }
    return resource(DEFAULT_LOGIN_CHECK)
        .replace("@GRAFANA_URL@", environment.grafana().url().toString())
        .replace("@USERS@", String.join(" ", users));
  }

  private static String resource(String name) {
    try (InputStream in = GrafanaScripts.class.getResourceAsStream("/scripts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /scripts/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

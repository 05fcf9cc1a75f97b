package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

/**
 * Whether Grafana lets visitors in without logging in, and with which role.
 *
 * @param enabled whether anonymous access is on
 * @param role the role anonymous visitors get when it is on
 */
public record AnonymousAccess(boolean enabled, GrafanaRole role) {
  /** Off; the default. */
  public static final AnonymousAccess DISABLED = new AnonymousAccess(false, GrafanaRole.VIEWER);

  public AnonymousAccess {
    requireNonNull(role, "role");
  }

  public static AnonymousAccess as(GrafanaRole role) {
    return new AnonymousAccess(true, role);
  }
}

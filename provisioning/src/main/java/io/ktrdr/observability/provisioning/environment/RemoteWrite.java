package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/**
 * Prometheus' copy of every sample to a long-term store (Prometheus' {@code remote_write}): any
 * receiver of its remote-write protocol, e.g. another Prometheus started with
 * {@code --web.enable-remote-write-receiver}, Thanos, Mimir or VictoriaMetrics. Off unless the
 * environment names one.
 *
 * @param url the receiver's write endpoint, e.g. {@code https://metrics.example.internal/api/v1/write}
 * @param username the basic-auth user, if the receiver wants one
 * @param passwordFile the file holding that user's password (a Docker secret under /run/secrets in
 *     the compose file): never the password itself
 */
public record RemoteWrite(URI url, Optional<String> username, Optional<String> passwordFile) {
  public RemoteWrite {
    requireNonNull(url, "url");
    requireNonNull(username, "username");
    requireNonNull(passwordFile, "passwordFile");
    Checks.require("url", Checks.url(url.toString()));
    username.ifPresent(user -> Checks.require("username", Checks.notBlank(user)));
    passwordFile.ifPresent(file -> Checks.require("passwordFile", Checks.absolutePath(file)));
    if (username.isPresent() != passwordFile.isPresent()) {
      throw new IllegalArgumentException((username.isPresent() ? "passwordFile" : "username")
          + ": missing; basic auth needs both username and passwordFile");
    }
  }

  /** Without authentication. */
  public RemoteWrite(URI url) {
    this(url, Optional.empty(), Optional.empty());
  }
}

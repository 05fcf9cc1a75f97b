package io.ktrdr.observability.provisioning.environment;

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
    Checks.requireUrlWithBasicAuth(url, username, passwordFile);
  }

  /** Without authentication. */
  public RemoteWrite(URI url) {
    this(url, Optional.empty(), Optional.empty());
  }
}

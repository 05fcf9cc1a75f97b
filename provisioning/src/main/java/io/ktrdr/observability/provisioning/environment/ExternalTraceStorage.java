package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/**
 * An Elasticsearch or OpenSearch cluster that keeps Jaeger's traces, for more traces or more Jaeger
 * replicas than one machine's Badger holds. Retention is the cluster's (its index lifecycle), not
 * {@code jaeger.retention}.
 *
 * @param url the cluster's URL, e.g. {@code https://search.example.internal:9200}
 * @param username the basic-auth user, if the cluster wants one
 * @param passwordFile the file holding that user's password (a Docker secret in the compose file)
 */
public record ExternalTraceStorage(URI url, Optional<String> username, Optional<String> passwordFile) {
  /** The prefix of Jaeger's indices in the cluster. */
  public static final String INDEX_PREFIX = "ktrdr";

  public ExternalTraceStorage {
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
}

package io.ktrdr.observability.provisioning.environment;

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
    Checks.requireUrlWithBasicAuth(url, username, passwordFile);
  }
}

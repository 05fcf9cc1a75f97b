package io.ktrdr.observability.e2e.stack;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the configuration a local stack runs with: the Prometheus configuration and Grafana's
 * provisioning (datasources and dashboards), pointing at the stack's own addresses.
 *
 * <p>The stack calls it once, after choosing its ports and before starting any server.
 */
@FunctionalInterface
public interface StackConfiguration {

  /**
   * Writes the configuration into {@code directory}, an empty directory of this run.
   *
   * @return where the written files are
   */
  GeneratedConfiguration writeTo(Path directory, StackAddresses addresses) throws IOException;
}

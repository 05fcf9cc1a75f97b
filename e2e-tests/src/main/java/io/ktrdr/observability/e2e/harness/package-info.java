/**
 * The stack the end-to-end tests run against, behind one {@link
 * io.ktrdr.observability.e2e.harness.StackHandle}: Docker Compose on the generated compose file
 * where a Docker engine is reachable ({@link io.ktrdr.observability.e2e.harness.ComposeStackHandle}),
 * else local processes built from the Go module proxy ({@link
 * io.ktrdr.observability.e2e.harness.NativeStackHandle}). {@link
 * io.ktrdr.observability.e2e.harness.StackModes} chooses; {@code -De2e.stack=native|compose} forces
 * a mode; when neither can run, starting fails with what to install. {@code -DskipE2E} leaves the
 * end-to-end tests out of {@code ./mvnw verify}. {@link
 * io.ktrdr.observability.e2e.harness.GrafanaAvailability} says whether the chosen stack has a Grafana
 * (the compose mode always; the native mode where {@code KTRDR_GRAFANA_HOME} names one), which decides
 * whether the tests that need one run or are reported skipped with the reason.
 *
 * <p>In tests Prometheus scrapes every {@value
 * io.ktrdr.observability.e2e.harness.NativeStackHandle#SCRAPE_INTERVAL_SECONDS} s (its datasource's
 * {@code timeInterval} too) and the simulator runs {@value
 * io.ktrdr.observability.e2e.harness.SimulatorSettings#TEST_TIME_SCALE} times faster than real time.
 */
package io.ktrdr.observability.e2e.harness;

package io.ktrdr.observability.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ktrdr.observability.simulator.model.OperationStatus;
import io.ktrdr.observability.simulator.model.OperationType;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What the simulator did, to compare dashboards with: operations by type, status and worker as they
 * really ended (whatever KTRDR's metrics say of them), what is really running, the spurious failures
 * KTRDR's orphan detector added on the backend, the values the {@code ktrdr_operations_active}
 * gauges show, worker targets and their status changes and outages with their times, and the spans
 * it exported and dropped.
 *
 * <p>Times are ISO-8601 instants. {@code at} is wall-clock time, the time Prometheus and Jaeger
 * see; {@code modelTime} is the simulation's clock, which runs {@code timeScale} times faster.
 * Durations in the metrics are model seconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroundTruth(
    long seed,
    String scenario,
    String ktrdrDefects,
    String topology,
    double timeScale,
    String startedAt,
    String wallTime,
    String modelStart,
    String modelTime,
    long operationsStarted,
    long operationsActive,
    long operationsRejected,
    List<OperationCount> operations,
    List<ActiveCount> active,
    List<RejectedCount> rejected,
    List<OrphanFailure> orphanFailures,
    ActiveGauges activeGauges,
    List<WorkerTruth> workers,
    List<StatusChange> availabilityChanges,
    List<EndpointChange> endpointChanges,
    Spans spans) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * Operations of one type that really ended with one status, in all and per worker; {@code
   * countedOn} says which scraped processes count that type: {@code workers}, {@code backend} or
   * {@code unscraped} (KTRDR's agent workers, which nobody scrapes).
   */
  public record OperationCount(String operationType, String status, long count, Map<String, Long> byWorker, String countedOn) {}

  /** Operations of one type running now (created and not ended), and where they are counted. */
  public record ActiveCount(String operationType, long count, String countedOn) {}

  /** Starts of one type refused (no worker available, or the chosen one did not answer): no operation was created. */
  public record RejectedCount(String operationType, long count) {}

  /**
   * Worker-run operations of one type that KTRDR's orphan detector failed on the backend (counted
   * there as {@code failed}, active -1) although they ended {@code statusOnWorker} on their worker,
   * which counted them so. Only in {@code ktrdrDefects} {@code current}.
   */
  public record OrphanFailure(String operationType, String statusOnWorker, long count) {}

  /**
   * What the {@code ktrdr_operations_active} gauges show now: the backend's (backend-local
   * operations running, less one per orphan failure, so it goes negative in {@code current}) and
   * the sum over the workers' (the worker-run operations running).
   */
  public record ActiveGauges(long backend, long workers) {}

  /**
   * A worker target: {@code state} is {@code running}, {@code never_started} (a configured target
   * nothing listens on) or {@code stopped} (stopped for good at {@code stoppedAt}); {@code status}
   * is its status in the backend's registry, absent for a worker that never registered.
   */
  public record WorkerTruth(
      String name, String workerType, String workerId, String serviceName, String host, int port, String state,
      String stoppedAt, String status, boolean answering, long operationsRun) {}

  /** A worker status change in the backend's registry. */
  public record StatusChange(String at, String modelTime, String worker, String from, String to, String reason) {}

  /** A worker's endpoint stopped answering (scrapes fail) or answers again. */
  public record EndpointChange(String at, String modelTime, String worker, boolean answering) {}

  /** Spans handed to the exporter: accepted, and dropped (queue full or export failed). */
  public record Spans(long exported, long dropped) {}

  /** Operations of {@code type} that really ended {@code status} (refused starts are not operations). */
  public long count(OperationType type, OperationStatus status) {
    return operations.stream()
        .filter(c -> c.operationType().equals(type.label()) && c.status().equals(status.label()))
        .mapToLong(OperationCount::count)
        .sum();
  }

  /** Operations that ended, of any type and status. */
  public long operationsEnded() {
    return operations.stream().mapToLong(OperationCount::count).sum();
  }

  /** Operations of {@code type} running now. */
  public long active(OperationType type) {
    return active.stream().filter(a -> a.operationType().equals(type.label())).mapToLong(ActiveCount::count).sum();
  }

  /** Operations running now that a scraped process counts (all but KTRDR's unscraped agent workers'). */
  public long activeScraped() {
    return active.stream().filter(a -> !a.countedOn().equals("unscraped")).mapToLong(ActiveCount::count).sum();
  }

  /** Spurious orphan failures the backend counted, of any type. */
  public long orphanFailuresTotal() {
    return orphanFailures.stream().mapToLong(OrphanFailure::count).sum();
  }

  /** The worker targets in {@code state} ({@code running}, {@code never_started}, {@code stopped}). */
  public List<WorkerTruth> workersIn(String state) {
    return workers.stream().filter(w -> w.state().equals(state)).toList();
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the JSON of {@link #toJson()}. */
  public static GroundTruth fromJson(String json) {
    try {
      return JSON.readValue(json, GroundTruth.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

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
 * What the simulator did, to compare dashboards with: operations by type, status and worker,
 * worker status changes and outages with their times, and the spans it exported and dropped.
 *
 * <p>Times are ISO-8601 instants. {@code at} is wall-clock time, the time Prometheus and Jaeger
 * see; {@code modelTime} is the simulation's clock, which runs {@code timeScale} times faster.
 * Durations in the metrics are model seconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroundTruth(
    long seed,
    String scenario,
    double timeScale,
    String startedAt,
    String wallTime,
    String modelStart,
    String modelTime,
    long operationsStarted,
    long operationsActive,
    long operationsRejected,
    List<OperationCount> operations,
    List<WorkerTruth> workers,
    List<StatusChange> availabilityChanges,
    List<EndpointChange> endpointChanges,
    Spans spans) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Operations of one type that ended with one status, in all and per worker. */
  public record OperationCount(String operationType, String status, long count, Map<String, Long> byWorker) {}

  /** A worker as the backend's registry sees it now. */
  public record WorkerTruth(
      String name, String workerType, String workerId, String serviceName, int port, String status,
      boolean answering, long operationsRun) {}

  /** A worker status change in the backend's registry. */
  public record StatusChange(String at, String modelTime, String worker, String from, String to, String reason) {}

  /** A worker's endpoint stopped answering (scrapes fail) or answers again. */
  public record EndpointChange(String at, String modelTime, String worker, boolean answering) {}

  /** Spans handed to the exporter: accepted, and dropped (queue full or export failed). */
  public record Spans(long exported, long dropped) {}

  /** Operations of {@code type} that ended {@code status}, including those refused for want of a worker. */
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

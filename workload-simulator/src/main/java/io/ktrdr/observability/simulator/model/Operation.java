package io.ktrdr.observability.simulator.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One operation as the backend creates it. {@code detailSeed} drives the details that do not
 * change the workload (symbol, row counts, agent token use), so they too repeat with the seed.
 */
public record Operation(
    String id, OperationType type, Instant createdAt, String symbol, String timeframe, long detailSeed) {
  public Operation {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(symbol, "symbol");
    requireNonNull(timeframe, "timeframe");
  }
}

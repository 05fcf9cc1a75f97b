package io.ktrdr.observability.simulator.model;

import java.time.Duration;
import java.time.Instant;

/** What happened in the simulated KTRDR, at a model time. Equal seeds give equal event lists. */
public sealed interface ModelEvent {

  Instant at();

  /** The backend created an operation and, for worker types, handed it to {@code worker}. */
  record OperationStarted(Instant at, Operation operation, String worker, int availableWorkers)
      implements ModelEvent {}

  /**
   * The backend created an operation but could not hand it over: no worker of the type was
   * available ({@code worker} null), or the chosen worker did not answer.
   */
  record OperationRejected(Instant at, Operation operation, String worker, String error)
      implements ModelEvent {}

  /** An operation reached a final status after running for {@code ran} of model time. */
  record OperationEnded(
      Instant at, Operation operation, OperationStatus status, String worker, Duration ran, String error)
      implements ModelEvent {}

  /**
   * KTRDR's orphan detector on the backend failed a worker-run operation that its cache still held
   * as running although its worker had ended it ({@code statusOnWorker}) or lost it: the backend
   * counts it {@code failed}, observes {@code sinceStart}, and takes 1 off its active gauge, which
   * never had it. Only in {@link KtrdrDefects#CURRENT}.
   */
  record OperationOrphaned(
      Instant at, Operation operation, String worker, OperationStatus statusOnWorker, Duration sinceStart)
      implements ModelEvent {}

  /** The backend's registry changed a worker's status. */
  record WorkerStatusChanged(
      Instant at, String worker, WorkerStatus from, WorkerStatus to, String reason)
      implements ModelEvent {}

  /** A worker stopped answering (scrape and health checks fail) or answers again. */
  record WorkerEndpointChanged(Instant at, String worker, boolean answering) implements ModelEvent {}
}

"""KTRDR's hand-written business metrics, as the telemetry contract lists them.

One module-level set in prometheus_client's default registry, imported by the backend and by
every worker, as in KTRDR: whatever a process never sets stays declared without samples.
The HELP texts are the simulator's (the contract does not quote them); names, types, labels and
buckets are the contract's.
"""

import time

from prometheus_client import Counter, Gauge, Histogram

OPERATION_DURATION_BUCKETS = (1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600)

# A gauge despite its name: prometheus_client keeps "_total" on a gauge.
workers_registered = Gauge(
    "ktrdr_workers_registered_total", "Total number of registered workers", ["worker_type"])
workers_available = Gauge(
    "ktrdr_workers_available", "Number of available workers", ["worker_type"])
operations_active = Gauge("ktrdr_operations_active", "Number of currently active operations")
operations_total = Counter(
    "ktrdr_operations_total", "Total number of operations", ["operation_type", "status"])
operation_duration = Histogram(
    "ktrdr_operation_duration_seconds", "Operation duration in seconds",
    ["operation_type", "status"], buckets=OPERATION_DURATION_BUCKETS)

WORKER_TYPES = ("backtesting", "training")
FINAL_STATUSES = ("completed", "failed", "cancelled")


def set_workers(registered: dict, available: dict) -> None:
    """On every registry change, for both worker types."""
    for worker_type in WORKER_TYPES:
        workers_registered.labels(worker_type=worker_type).set(registered.get(worker_type, 0))
        workers_available.labels(worker_type=worker_type).set(available.get(worker_type, 0))


class OperationsService:
    """The metric calls of KTRDR's OperationsService: +1 active at creation, the rest at the end."""

    def __init__(self) -> None:
        self._created = {}

    def create(self, operation_id: str, operation_type: str) -> None:
        self._created[operation_id] = (operation_type, time.monotonic())
        operations_active.inc()

    def end(self, operation_id: str, status: str) -> None:
        operation_type, started = self._created.pop(operation_id)
        self.record_end(operation_type, status, time.monotonic() - started)

    @staticmethod
    def record_end(operation_type: str, status: str, seconds: float) -> None:
        if status not in FINAL_STATUSES:
            raise ValueError(f"not a final status: {status}")
        operations_active.dec()
        operations_total.labels(operation_type=operation_type, status=status).inc()
        operation_duration.labels(operation_type=operation_type, status=status).observe(seconds)

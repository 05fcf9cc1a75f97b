"""The reference backend: KTRDR's backend metric wiring on the real Python libraries.

One prometheus_client registry holds the business, agent and process metrics and, through
OpenTelemetry's PrometheusMetricReader, the HTTP server metrics of the FastAPI instrumentation
(older HTTP semantic conventions, the default). Its ASGI app is mounted at /metrics, so /metrics
answers 307 to /metrics/. Routes are declared as route templates, as KTRDR's are.

The test drives it over HTTP only. Query parameters, which no metric label shows, let it reach
every outcome: ``outcome`` (completed, failed, cancelled) ends an operation that way,
``failed_gate`` (training, backtest) stops a research cycle at that quality gate, and ``answer``
makes a route answer that status code instead of doing its work.
"""

import argparse
import itertools

from fastapi import FastAPI, HTTPException
from opentelemetry import metrics, trace
from opentelemetry.exporter.prometheus import PrometheusMetricReader
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from prometheus_client import make_asgi_app

import agent_metrics
import ktrdr_metrics
from serving import serve

_ids = itertools.count(1)
_operations = ktrdr_metrics.OperationsService()
_known = set()
_workers = {}


def _answer(answer):
    if answer is not None:
        raise HTTPException(status_code=answer, detail="answered as asked")


def _backend_local(operation_type, outcome, answer):
    """Created and ended on the backend: counted here."""
    _answer(answer)
    operation_id = f"op_{operation_type}_{next(_ids)}"
    _operations.create(operation_id, operation_type)
    _operations.end(operation_id, outcome)
    return {"success": True, "operation_id": operation_id}


def _worker_run(operation_type, answer):
    """Since KTRDR's "Task 3.10" the backend only dispatches these: no metric moves here."""
    _answer(answer)
    operation_id = f"op_{operation_type}_{next(_ids)}"
    _known.add(operation_id)
    return {"success": True, "operation_id": operation_id}


def create_app(service_version: str) -> FastAPI:
    resource = Resource.create({
        "service.name": "ktrdr-api",
        "service.version": service_version,
        "deployment.environment": "development",
    })
    meter_provider = MeterProvider(resource=resource, metric_readers=[PrometheusMetricReader()])
    metrics.set_meter_provider(meter_provider)
    trace.set_tracer_provider(TracerProvider(resource=resource))

    app = FastAPI(title="KTRDR reference backend")

    @app.post("/api/v1/backtests/start")
    def start_backtest(answer: int | None = None):
        return _worker_run("backtesting", answer)

    @app.post("/api/v1/trainings/start")
    def start_training(answer: int | None = None):
        return _worker_run("training", answer)

    @app.post("/api/v1/data/acquire/download")
    def download(outcome: str = "completed", answer: int | None = None):
        return _backend_local("data_load", outcome, answer)

    @app.post("/api/v1/indicators/calculate")
    def calculate(outcome: str = "completed", answer: int | None = None):
        return _backend_local("indicator_compute", outcome, answer)

    @app.post("/api/v1/fuzzy/data")
    def fuzzy_data(outcome: str = "completed", answer: int | None = None):
        return _backend_local("fuzzy_analysis", outcome, answer)

    @app.post("/api/v1/fuzzy/evaluate")
    def fuzzy_evaluate(outcome: str = "completed", answer: int | None = None):
        return _backend_local("fuzzy_analysis", outcome, answer)

    @app.post("/api/v1/dummy/start")
    def dummy(outcome: str = "completed", answer: int | None = None):
        return _backend_local("dummy", outcome, answer)

    @app.post("/api/v1/agent/trigger")
    def trigger(outcome: str = "completed", failed_gate: str = "", answer: int | None = None):
        result = _backend_local("agent_research", outcome, answer)
        agent_metrics.cycle_ended(outcome, 1500.0, failed_gate)
        return result

    @app.get("/api/v1/operations")
    def list_operations(answer: int | None = None):
        _answer(answer)
        return {"success": True, "data": [], "total_count": len(_known)}

    @app.get("/api/v1/operations/{operation_id}")
    def get_operation(operation_id: str, answer: int | None = None):
        _answer(answer)
        if operation_id not in _known:
            raise HTTPException(status_code=404, detail=f"Operation not found: {operation_id}")
        return {"success": True, "data": {"operation_id": operation_id}}

    @app.get("/api/v1/workers")
    def list_workers(answer: int | None = None):
        _answer(answer)
        return []

    @app.post("/api/v1/workers/register")
    def register(worker_id: str = "w", worker_type: str = "backtesting", answer: int | None = None):
        _answer(answer)
        _workers[worker_id] = worker_type
        counts = {t: sum(1 for v in _workers.values() if v == t) for t in ktrdr_metrics.WORKER_TYPES}
        ktrdr_metrics.set_workers(counts, counts)
        return {"success": True}

    @app.get("/api/v1/health")
    def health(answer: int | None = None):
        _answer(answer)
        return {"status": "healthy"}

    # KTRDR's orphan detector as it behaves today: it fails worker-run operations the backend
    # never created, counting them and taking them off a gauge that never had them.
    for operation_type in ("backtesting", "training"):
        ktrdr_metrics.OperationsService.record_end(operation_type, "failed", 42.0)

    app.mount("/metrics", make_asgi_app())
    FastAPIInstrumentor.instrument_app(app, meter_provider=meter_provider)
    return app


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--service-version", default="1.0.0")
    args = parser.parse_args()
    serve(create_app(args.service_version))

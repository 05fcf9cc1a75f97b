"""A reference worker: KTRDR's worker metric wiring on the real Python libraries.

No meter provider, so no HTTP metrics and no target_info; the default prometheus_client registry
with the process and runtime collectors, the business metrics module (``ktrdr_workers_*``
declared, never set) and the operations this worker runs. ``/metrics`` is an ordinary route
answering the text format whatever is asked, so ``/metrics/`` answers 307 to ``/metrics``.
"""

import argparse
import itertools

from fastapi import FastAPI, HTTPException, Response
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

import ktrdr_metrics
from serving import serve

START_PATHS = {"backtesting": "/backtests/start", "training": "/training/start"}


def create_app(worker_type: str) -> FastAPI:
    ids = itertools.count(1)
    operations = ktrdr_metrics.OperationsService()
    app = FastAPI(title=f"KTRDR reference {worker_type} worker")

    @app.post(START_PATHS[worker_type])
    def start(outcome: str = "completed", answer: int | None = None):
        if answer is not None:
            raise HTTPException(status_code=answer, detail="answered as asked")
        operation_id = f"op_{worker_type}_{next(ids)}"
        operations.create(operation_id, worker_type)
        operations.end(operation_id, outcome)
        return {"success": True, "operation_id": operation_id, "status": "started"}

    @app.get("/health")
    def health():
        return {"healthy": True, "worker_status": "idle"}

    @app.get("/metrics")
    def metrics():
        return Response(content=generate_latest(), media_type=CONTENT_TYPE_LATEST)

    resource = Resource.create({"service.name": f"ktrdr-{worker_type}-worker-0000abcd"})
    FastAPIInstrumentor.instrument_app(app, tracer_provider=TracerProvider(resource=resource))
    return app


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker-type", choices=sorted(START_PATHS), required=True)
    args = parser.parse_args()
    serve(create_app(args.worker_type))

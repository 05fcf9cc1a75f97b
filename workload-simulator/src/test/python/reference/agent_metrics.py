"""The research agent's metrics (backend only), with the contract's buckets and label values."""

from prometheus_client import Counter, Histogram

cycles = Counter("agent_cycles_total", "Total research cycles", ["outcome"])
cycle_duration = Histogram(
    "agent_cycle_duration_seconds", "Research cycle duration in seconds",
    buckets=(60, 300, 600, 900, 1200, 1800, 3600))
phase_duration = Histogram(
    "agent_phase_duration_seconds", "Research phase duration in seconds", ["phase"],
    buckets=(10, 30, 60, 120, 300, 600))
gate_results = Counter("agent_gate_results_total", "Quality gate results", ["gate", "result"])
tokens = Counter("agent_tokens_total", "Tokens used by the research agent", ["phase"])
budget_spend = Counter("agent_budget_spend_total", "Research agent spend in dollars")

PHASES = ("designing", "training", "backtesting", "assessing")


def cycle_ended(outcome: str, seconds: float, failed_gate: str = "") -> None:
    """A cycle ends: completed after every phase, or stopped at the gate that failed (or at design)."""
    phases_reached = {"": 4 if outcome == "completed" else 1, "training": 2, "backtest": 3}[failed_gate]
    cycles.labels(outcome=outcome).inc()
    if outcome == "completed":
        cycle_duration.observe(seconds)
    for phase in PHASES[:phases_reached]:
        phase_duration.labels(phase=phase).observe(seconds / len(PHASES))
    tokens.labels(phase="design").inc(1200)
    budget_spend.inc(0.02)
    if phases_reached >= 2:
        gate_results.labels(gate="training", result="fail" if failed_gate == "training" else "pass").inc()
    if phases_reached >= 3:
        gate_results.labels(gate="backtest", result="fail" if failed_gate == "backtest" else "pass").inc()
    if phases_reached >= 4:
        tokens.labels(phase="assessment").inc(800)
        budget_spend.inc(0.01)

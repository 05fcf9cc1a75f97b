package io.ktrdr.observability.simulator.telemetry;

import io.ktrdr.observability.simulator.model.Operation;
import io.ktrdr.observability.simulator.model.OperationStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.SplittableRandom;

/** KTRDR's research-agent metrics, on the backend, which runs the research cycles. */
public final class AgentMetrics {

  /** Bucket bounds of {@code agent_phase_duration_seconds}, in seconds. */
  public static final double[] AGENT_PHASE_BUCKETS = {10, 30, 60, 120, 300, 600};

  /** Bucket bounds of {@code agent_cycle_duration_seconds}, in seconds. */
  public static final double[] AGENT_CYCLE_BUCKETS = {60, 300, 600, 900, 1200, 1800, 3600};

  /** The {@code phase} values of {@code agent_phase_duration_seconds}, in the order a cycle runs them. */
  public static final List<String> PHASES = List.of("designing", "training", "backtesting", "assessing");

  /** Share of a cycle each phase takes. */
  private static final double[] PHASE_SHARES = {0.1, 0.5, 0.3, 0.1};

  /** The {@code phase} of {@code agent_tokens_total} for the phases that call a model, by phase index. */
  private static final String[] TOKEN_PHASES = {"design", null, null, "assessment"};

  private final Counter cycles;
  private final Histogram cycleDuration;
  private final Histogram phaseDuration;
  private final Counter gateResults;
  private final Counter tokens;
  private final Counter budgetSpend;

  public AgentMetrics(PrometheusRegistry registry) {
    cycles = Counter.builder()
        .name("agent_cycles_total")
        .help("Total research cycles")
        .labelNames("outcome")
        .register(registry);
    cycleDuration = Histogram.builder()
        .name("agent_cycle_duration_seconds")
        .help("Research cycle duration in seconds")
        .unit(Unit.SECONDS)
        .classicOnly()
        .classicUpperBounds(AGENT_CYCLE_BUCKETS)
        .register(registry);
    phaseDuration = Histogram.builder()
        .name("agent_phase_duration_seconds")
        .help("Research phase duration in seconds")
        .unit(Unit.SECONDS)
        .labelNames("phase")
        .classicOnly()
        .classicUpperBounds(AGENT_PHASE_BUCKETS)
        .register(registry);
    gateResults = Counter.builder()
        .name("agent_gate_results_total")
        .help("Quality gate results")
        .labelNames("gate", "result")
        .register(registry);
    tokens = Counter.builder()
        .name("agent_tokens_total")
        .help("Tokens used by the research agent")
        .labelNames("phase")
        .register(registry);
    budgetSpend = Counter.builder()
        .name("agent_budget_spend_total")
        .help("Research agent spend in dollars")
        .register(registry);
  }

  /** A research cycle ended after {@code seconds}; only a completed one observes its duration. */
  public void cycleEnded(Operation operation, OperationStatus status, double seconds) {
    SplittableRandom random = new SplittableRandom(operation.detailSeed());
    cycles.labelValues(status.label()).inc();
    if (status == OperationStatus.COMPLETED) {
      cycleDuration.observe(seconds);
    }
    // A failed or cancelled cycle stops part-way: only the phases it reached are timed.
    int phasesReached = status == OperationStatus.COMPLETED ? PHASES.size() : 1 + random.nextInt(PHASES.size());
    for (int i = 0; i < phasesReached; i++) {
      phaseDuration.labelValues(PHASES.get(i)).observe(seconds * PHASE_SHARES[i]);
      if (TOKEN_PHASES[i] != null) {
        long used = 2_000 + random.nextInt(18_000);
        tokens.labelValues(TOKEN_PHASES[i]).inc(used);
        budgetSpend.inc(used * 0.000015);
      }
    }
    if (phasesReached >= 2) {
      gateResults.labelValues("training", random.nextDouble() < 0.7 ? "pass" : "fail").inc();
    }
    if (phasesReached >= 3) {
      gateResults.labelValues("backtest", random.nextDouble() < 0.5 ? "pass" : "fail").inc();
    }
  }
}

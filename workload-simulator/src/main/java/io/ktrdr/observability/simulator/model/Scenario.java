package io.ktrdr.observability.simulator.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulated KTRDR is asked to do: arrival rates, operation durations and outcomes, and a
 * timeline of phases (bursts, error storms, slow operations) and worker outages.
 *
 * <p>Times are model time, measured from the start of the run. With {@link #repeatEvery()} set,
 * the timeline repeats, so a week of history holds one burst or outage per period.
 */
public final class Scenario {

  /** Names of the scenarios built in, as {@link #named(String)} accepts them. */
  public static final List<String> BUILT_IN =
      List.of("steady", "burst", "worker-outage", "error-storm", "slow-operations");

  /** A log-normal duration: half the operations end before {@code median}. */
  public record DurationDistribution(double medianSeconds, double spread) {
    public DurationDistribution {
      if (!(medianSeconds > 0)) {
        throw new IllegalArgumentException("median must be positive: " + medianSeconds);
      }
      if (!(spread >= 0)) {
        throw new IllegalArgumentException("spread must not be negative: " + spread);
      }
    }
  }

  /** How operations end, as ratios of completed, failed and cancelled that sum to 1. */
  public record Outcomes(double completed, double failed, double cancelled) {
    public Outcomes {
      if (completed < 0 || failed < 0 || cancelled < 0) {
        throw new IllegalArgumentException(
            "outcome ratios must not be negative: " + completed + ", " + failed + ", " + cancelled);
      }
      double sum = completed + failed + cancelled;
      if (Math.abs(sum - 1.0) > 1e-6) {
        throw new IllegalArgumentException("outcome ratios must sum to 1, not " + sum);
      }
    }

    /** Keeps the ratio of completed to cancelled and sets the failed ratio. */
    public Outcomes withFailed(double failedRatio) {
      double rest = completed + cancelled;
      double scale = rest == 0 ? 0 : (1 - failedRatio) / rest;
      return new Outcomes(completed * scale, failedRatio, cancelled * scale);
    }
  }

  /**
   * A window of the timeline in which rates, durations or error ratios differ. Null fields keep
   * the scenario's values.
   */
  public record Phase(
      Duration at,
      Duration lasting,
      double rateFactor,
      double durationFactor,
      Double failedRatio,
      Double httpErrorRatio) {
    public Phase {
      requireNonNull(at, "at");
      requireNonNull(lasting, "lasting");
      if (!(rateFactor > 0) || !(durationFactor > 0)) {
        throw new IllegalArgumentException(
            "rate and duration factors must be positive: " + rateFactor + ", " + durationFactor);
      }
      checkRatio("failedRatio", failedRatio);
      checkRatio("httpErrorRatio", httpErrorRatio);
    }

    boolean covers(long offsetMillis) {
      return offsetMillis >= at.toMillis() && offsetMillis < at.plus(lasting).toMillis();
    }
  }

  /** A window in which a worker answers neither its scrape nor its health checks. */
  public record Outage(String worker, Duration at, Duration lasting) {
    public Outage {
      requireNonNull(worker, "worker");
      requireNonNull(at, "at");
      requireNonNull(lasting, "lasting");
      if (lasting.isZero() || lasting.isNegative()) {
        throw new IllegalArgumentException("outage lasting must be positive: " + lasting);
      }
    }
  }

  private final String name;
  private final Map<OperationType, Double> ratesPerHour;
  private final Map<OperationType, DurationDistribution> durations;
  private final Outcomes outcomes;
  private final double httpErrorRatio;
  private final double abandonedRatio;
  private final List<Phase> phases;
  private final List<Outage> outages;
  private final Duration repeatEvery;
  private final KtrdrDefects ktrdrDefects;
  private final Topology topology;

  private Scenario(Builder builder) {
    this.name = builder.name;
    this.ratesPerHour = Collections.unmodifiableMap(new EnumMap<>(builder.ratesPerHour));
    this.durations = Collections.unmodifiableMap(new EnumMap<>(builder.durations));
    this.outcomes = builder.outcomes;
    this.httpErrorRatio = builder.httpErrorRatio;
    this.abandonedRatio = builder.abandonedRatio;
    this.phases = List.copyOf(builder.phases);
    this.outages = List.copyOf(builder.outages);
    this.repeatEvery = builder.repeatEvery;
    this.ktrdrDefects = builder.ktrdrDefects;
    this.topology = builder.topology;
  }

  /** A builder holding this scenario's values. */
  public Builder toBuilder() {
    Builder builder = builder().name(name);
    ratesPerHour.forEach(builder::ratePerHour);
    durations.forEach(builder::duration);
    builder.outcomes(outcomes).httpErrorRatio(httpErrorRatio).abandonedRatio(abandonedRatio);
    phases.forEach(builder::phase);
    outages.forEach(builder::outage);
    return builder.repeatEvery(repeatEvery).ktrdrDefects(ktrdrDefects).topology(topology);
  }

  /** This scenario playing {@code defects}. */
  public Scenario withKtrdrDefects(KtrdrDefects defects) {
    return toBuilder().ktrdrDefects(defects).build();
  }

  /** This scenario on {@code topology}. */
  public Scenario withTopology(Topology topology) {
    return toBuilder().topology(topology).build();
  }

  /** A builder preset with the {@code steady} scenario's values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A built-in scenario by name, one of {@link #BUILT_IN}. */
  public static Scenario named(String name) {
    requireNonNull(name, "name");
    Builder steady = builder().name(name).repeatEvery(Duration.ofHours(1));
    switch (name) {
      case "steady":
        return steady.repeatEvery(null).build();
      case "burst":
        return steady.phase(new Phase(Duration.ofMinutes(5), Duration.ofMinutes(10), 8, 1, null, null)).build();
      case "worker-outage":
        return steady
            .outage(new Outage("backtest-worker-2", Duration.ofMinutes(5), Duration.ofMinutes(5)))
            .outage(new Outage("training-worker-1", Duration.ofMinutes(35), Duration.ofMinutes(3)))
            .build();
      case "error-storm":
        return steady.phase(new Phase(Duration.ofMinutes(5), Duration.ofMinutes(10), 2, 1, 0.6, 0.3)).build();
      case "slow-operations":
        return steady.phase(new Phase(Duration.ofMinutes(5), Duration.ofMinutes(20), 1, 5, null, null)).build();
      default:
        throw new IllegalArgumentException(
            "unknown scenario: " + name + " (built in: " + String.join(", ", BUILT_IN) + ")");
    }
  }

  public String name() {
    return name;
  }

  /** Operations per hour of model time, by type, outside any phase. */
  public Map<OperationType, Double> ratesPerHour() {
    return ratesPerHour;
  }

  public Map<OperationType, DurationDistribution> durations() {
    return durations;
  }

  public Outcomes outcomes() {
    return outcomes;
  }

  /** Share of ordinary API requests (listing, polls) answered with a 5xx status. */
  public double httpErrorRatio() {
    return httpErrorRatio;
  }

  /**
   * Share of worker-run operations whose client polls them while they run but not to their end
   * (abandons them): today's KTRDR's orphan detector fails those on the backend. Default
   * {@link WorkloadModel#ORPHAN_SHARE}, as measured on KTRDR.
   */
  public double abandonedRatio() {
    return abandonedRatio;
  }

  public List<Phase> phases() {
    return phases;
  }

  public List<Outage> outages() {
    return outages;
  }

  /** The period after which phases and outages repeat; empty when they happen once. */
  public Optional<Duration> repeatEvery() {
    return Optional.ofNullable(repeatEvery);
  }

  /** Which KTRDR is played: today's, with its telemetry defects (the default), or a fixed one. */
  public KtrdrDefects ktrdrDefects() {
    return ktrdrDefects;
  }

  /**
   * The worker targets the scenario asks for; empty when the simulator's settings say (by default
   * KTRDR's local four).
   */
  public Optional<Topology> topology() {
    return Optional.ofNullable(topology);
  }

  /** The phase in force at an offset from the start of the run, if any. */
  public Optional<Phase> phaseAt(long offsetMillis) {
    long offset = timelineOffset(offsetMillis);
    return phases.stream().filter(p -> p.covers(offset)).findFirst();
  }

  /** The offset within the repeating timeline. */
  long timelineOffset(long offsetMillis) {
    return repeatEvery == null ? offsetMillis : Math.floorMod(offsetMillis, repeatEvery.toMillis());
  }

  /** Highest rate factor of any phase, for thinning the arrival process. */
  double maxRateFactor() {
    return phases.stream().mapToDouble(Phase::rateFactor).reduce(1.0, Math::max);
  }

  @Override
  public String toString() {
    return "Scenario{" + name + "}";
  }

  private static void checkRatio(String field, Double ratio) {
    if (ratio != null && !(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException(field + " must be between 0 and 1: " + ratio);
    }
  }

  /** Builds a scenario, starting from the {@code steady} values. */
  public static final class Builder {
    private String name = "steady";
    private final Map<OperationType, Double> ratesPerHour = new EnumMap<>(OperationType.class);
    private final Map<OperationType, DurationDistribution> durations =
        new EnumMap<>(OperationType.class);
    private Outcomes outcomes = new Outcomes(0.85, 0.10, 0.05);
    private double httpErrorRatio = 0.01;
    private double abandonedRatio = WorkloadModel.ORPHAN_SHARE;
    private final List<Phase> phases = new ArrayList<>();
    private final List<Outage> outages = new ArrayList<>();
    private Duration repeatEvery;
    private KtrdrDefects ktrdrDefects = KtrdrDefects.CURRENT;
    private Topology topology;

    private Builder() {
      steadyRate(OperationType.BACKTESTING, 20, 90, 0.6);
      steadyRate(OperationType.TRAINING, 4, 600, 0.5);
      steadyRate(OperationType.DATA_LOAD, 12, 20, 0.8);
      steadyRate(OperationType.INDICATOR_COMPUTE, 6, 5, 0.6);
      steadyRate(OperationType.FUZZY_ANALYSIS, 3, 8, 0.6);
      steadyRate(OperationType.DUMMY, 1, 10, 0.3);
      steadyRate(OperationType.AGENT_RESEARCH, 1, 1500, 0.4);
      steadyRate(OperationType.AGENT_DESIGN, 1, 120, 0.5);
      steadyRate(OperationType.AGENT_ASSESSMENT, 1, 60, 0.5);
    }

    private void steadyRate(OperationType type, double perHour, double median, double spread) {
      ratesPerHour.put(type, perHour);
      durations.put(type, new DurationDistribution(median, spread));
    }

    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    public Builder ratePerHour(OperationType type, double perHour) {
      requireNonNull(type, "type");
      if (!(perHour >= 0) || Double.isInfinite(perHour)) {
        throw new IllegalArgumentException("rate of " + type.label() + " must be a non-negative number: " + perHour);
      }
      ratesPerHour.put(type, perHour);
      return this;
    }

    public Builder duration(OperationType type, DurationDistribution distribution) {
      durations.put(requireNonNull(type, "type"), requireNonNull(distribution, "distribution"));
      return this;
    }

    public Builder outcomes(Outcomes outcomes) {
      this.outcomes = requireNonNull(outcomes, "outcomes");
      return this;
    }

    public Builder httpErrorRatio(double ratio) {
      checkRatio("httpErrorRatio", ratio);
      this.httpErrorRatio = ratio;
      return this;
    }

    /** Share (0 to 1) of worker-run operations their client abandons; see {@link Scenario#abandonedRatio()}. */
    public Builder abandonedRatio(double ratio) {
      checkRatio("abandonedRatio", ratio);
      this.abandonedRatio = ratio;
      return this;
    }

    public Builder phase(Phase phase) {
      phases.add(requireNonNull(phase, "phase"));
      return this;
    }

    public Builder outage(Outage outage) {
      outages.add(requireNonNull(outage, "outage"));
      return this;
    }

    /** Repeats phases and outages with this period; null for once. */
    public Builder repeatEvery(Duration period) {
      if (period != null && (period.isZero() || period.isNegative())) {
        throw new IllegalArgumentException("repeatEvery must be positive: " + period);
      }
      this.repeatEvery = period;
      return this;
    }

    /** Today's KTRDR with its telemetry defects (default) or a fixed one. */
    public Builder ktrdrDefects(KtrdrDefects defects) {
      this.ktrdrDefects = requireNonNull(defects, "defects");
      return this;
    }

    /** The worker targets to play; null for the simulator's settings (default). */
    public Builder topology(Topology topology) {
      this.topology = topology;
      return this;
    }

    public Scenario build() {
      if (repeatEvery != null) {
        for (Phase phase : phases) {
          if (phase.at().plus(phase.lasting()).compareTo(repeatEvery) > 0) {
            throw new IllegalArgumentException(
                "phase at " + phase.at() + " lasting " + phase.lasting() + " does not fit in repeatEvery " + repeatEvery);
          }
        }
        for (Outage outage : outages) {
          if (outage.at().plus(outage.lasting()).compareTo(repeatEvery) > 0) {
            throw new IllegalArgumentException(
                "outage of " + outage.worker() + " does not fit in repeatEvery " + repeatEvery);
          }
        }
      }
      return new Scenario(this);
    }
  }
}

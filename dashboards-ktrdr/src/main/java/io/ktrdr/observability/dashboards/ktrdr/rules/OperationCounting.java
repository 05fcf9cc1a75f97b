package io.ktrdr.observability.dashboards.ktrdr.rules;

import static io.ktrdr.observability.dashboards.promql.PromQl.sum;

import io.ktrdr.observability.dashboards.promql.Expr;
import io.ktrdr.observability.dashboards.promql.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How the dashboards and the rules count KTRDR's operations: each once, by the process that ran
 * it (telemetry contract, "Where operations are counted").
 *
 * <p>Workers create, run and count the operations they run ({@code backtesting}, {@code training})
 * on their own {@code /metrics} (job {@code ktrdr-workers}); the backend counts its local types. The
 * backend's orphan detector also fails worker-run operations on the backend (spurious {@code
 * status="failed"} and duration observations). So an operation type belongs to the workers as soon
 * as a worker exposes a series of it, and then the backend's series of that type are ignored:
 *
 * <pre>
 * sum by (operation_type, ...) (f(workers, only))
 *   or sum by (operation_type, ...) (f(workers)) * 0      (only when narrowed, e.g. by status)
 *   or on (operation_type) sum by (operation_type, ...) (f(backend, only))
 * </pre>
 *
 * <p>The middle term claims for the workers every type they expose in any status, so that a
 * narrowed query (failed only) cannot let the backend's spurious failures of a type through just
 * because no worker failed one. Nothing names the worker-run types: once KTRDR fixes its orphan
 * detector the backend has no such series and the same query still holds; a type KTRDR moves from
 * the workers to the backend (or back) is counted where it now runs.
 */
public final class OperationCounting {

  /** The label that says which process owns an operation's series. */
  public static final String OPERATION_TYPE = "operation_type";

  private OperationCounting() {}

  /**
   * Operations counted once: the workers' series of each type they expose, else the backend's.
   *
   * @param workers the operation metric on the worker targets (job {@code ktrdr-workers})
   * @param backend the same metric on the backend target
   * @param only narrows both sides (e.g. to a status) after ownership is decided; identity for none
   * @param windowed applies the range function, e.g. {@code s -> increase(s, Window.range())}
   * @param key the labels ownership is decided on: {@code operation_type}, and {@code environment}
   *     where several environments share a Prometheus
   * @param extra further labels kept in the result, e.g. {@code le}
   */
  public static Expr workersFirst(
      Selector workers,
      Selector backend,
      UnaryOperator<Selector> only,
      Function<Selector, Expr> windowed,
      List<String> key,
      String... extra) {
    String[] by = labels(key, extra);
    Selector narrowedWorkers = only.apply(workers);
    Expr workerSide = sum(windowed.apply(narrowedWorkers)).by(by);
    if (!narrowedWorkers.toString().equals(workers.toString())) {
      workerSide = workerSide.or(sum(windowed.apply(workers)).by(by).times(0));
    }
    return workerSide.or(sum(windowed.apply(only.apply(backend))).by(by)).on(key.toArray(String[]::new));
  }

  /** {@link #workersFirst} without narrowing. */
  public static Expr workersFirst(
      Selector workers, Selector backend, Function<Selector, Expr> windowed, List<String> key,
      String... extra) {
    return workersFirst(workers, backend, UnaryOperator.identity(), windowed, key, extra);
  }

  private static String[] labels(List<String> key, String... extra) {
    List<String> all = new ArrayList<>(key);
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }
}

package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one panel target returned.
 *
 * @param request the request as sent, e.g. {@code GET http://.../api/v1/query?query=...}
 * @param series Prometheus series (labels and values), or Jaeger traces (labels {@code traceID} and
 *     the services in the trace, values the span count)
 * @param body the whole answer, for assertions beyond series
 */
public record QueryResult(PanelQuery query, String request, List<Series> series, JsonNode body) {
  public QueryResult {
    requireNonNull(query, "query");
    requireNonNull(request, "request");
    series = List.copyOf(series);
    requireNonNull(body, "body");
  }

  /**
   * One series: its labels, and its values in time order (one value for an instant query) with the
   * time of each (empty where the answer carries none, as for Jaeger traces).
   */
  public record Series(Map<String, String> labels, List<Double> values, List<Instant> times) {
    public Series {
      labels = Map.copyOf(labels);
      values = List.copyOf(values);
      times = List.copyOf(times);
      if (!times.isEmpty() && times.size() != values.size()) {
        throw new IllegalArgumentException("times must match values: " + times.size() + " times, " + values.size() + " values");
      }
    }

    public Series(Map<String, String> labels, List<Double> values) {
      this(labels, values, List.of());
    }

    /** The mean of the values at times in [from, to]. */
    public OptionalDouble meanBetween(Instant from, Instant to) {
      return java.util.stream.IntStream.range(0, times.size())
          .filter(i -> !times.get(i).isBefore(from) && !times.get(i).isAfter(to) && !values.get(i).isNaN())
          .mapToDouble(values::get)
          .average();
    }

    /** The largest value at a time in [from, to]. */
    public OptionalDouble maxBetween(Instant from, Instant to) {
      double max = Double.NEGATIVE_INFINITY;
      boolean any = false;
      for (int i = 0; i < times.size(); i++) {
        Instant time = times.get(i);
        if (!time.isBefore(from) && !time.isAfter(to) && !values.get(i).isNaN()) {
          max = Math.max(max, values.get(i));
          any = true;
        }
      }
      return any ? OptionalDouble.of(max) : OptionalDouble.empty();
    }

    public OptionalDouble last() {
      return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(values.size() - 1));
    }

    public OptionalDouble max() {
      return values.stream().mapToDouble(Double::doubleValue).max();
    }
  }

  /** Whether the panel would show nothing: no series, or no value in any. */
  public boolean isEmpty() {
    return series.stream().allMatch(s -> s.values().isEmpty());
  }

  /** The series whose label {@code name} is {@code value}. */
  public List<Series> withLabel(String name, String value) {
    return series.stream().filter(s -> value.equals(s.labels().get(name))).toList();
  }

  /** For failure messages: the panel, the query and what came back. */
  public String describe() {
    return query.panel() + "\n  sent: " + request + "\n  got " + series.size() + " series: " + abbreviate(series.toString());
  }

  private static String abbreviate(String text) {
    return text.length() <= 800 ? text : text.substring(0, 800) + "...";
  }
}

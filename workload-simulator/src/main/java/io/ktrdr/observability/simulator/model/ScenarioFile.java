package io.ktrdr.observability.simulator.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario from YAML. Fields left out keep the {@code steady} values; an unknown field or
 * a bad value is refused with the file, line and field named.
 *
 * <pre>
 * name: nightly-burst
 * base: steady                # optional: a built-in scenario to start from
 * repeatEvery: 1h             # durations: 90s, 5m, 1h, or plain seconds
 * ratesPerHour: {backtesting: 40, training: 6}
 * durations: {training: {median: 900, spread: 0.4}}
 * outcomes: {completed: 0.8, failed: 0.15, cancelled: 0.05}
 * httpErrorRatio: 0.01
 * abandonedRatio: 0.125       # worker-run operations their client stops polling before their end
 * phases:
 *   - {at: 10m, lasting: 5m, rateFactor: 6, durationFactor: 1, failedRatio: 0.5, httpErrorRatio: 0.2}
 * outages:
 *   - {worker: backtest-worker-2, at: 20m, lasting: 4m}
 * ktrdrDefects: current       # or fixed: KTRDR once its telemetry defects are fixed
 * topology: homelab           # or local, or a list of worker targets:
 * # topology:
 * #   - {name: backtest-worker-b1, type: backtesting, port: 5003}
 * #   - {name: backtest-worker-b3, type: backtesting, port: 5007, started: false}
 * #   - {name: training-worker-gpu, type: training, port: 7005, host: gpu-host, stopsAt: 10m}
 * </pre>
 */
public final class ScenarioFile {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?");
  private static final Set<String> TOP_FIELDS = Set.of(
      "name", "base", "repeatEvery", "ratesPerHour", "durations", "outcomes", "httpErrorRatio", "abandonedRatio", "phases", "outages", "ktrdrDefects",
      "topology");

  private final String file;

  private ScenarioFile(String file) {
    this.file = file;
  }

  /** Loads a scenario file; the error names file, line and field. */
  public static Scenario load(Path path) {
    String name = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new ScenarioException(name + ": scenario file not found");
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return new ScenarioFile(name).parse(reader);
    } catch (IOException e) {
      throw new ScenarioException(name + ": cannot read scenario file: " + e.getMessage());
    }
  }

  /** Parses scenario YAML read from {@code reader}; {@code sourceName} appears in errors. */
  public static Scenario parse(String sourceName, Reader reader) {
    return new ScenarioFile(sourceName).parse(reader);
  }

  private Scenario parse(Reader reader) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(reader);
    } catch (YAMLException e) {
      throw new ScenarioException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
    }
    if (!(root instanceof MappingNode)) {
      throw new ScenarioException(file + ": a scenario file must be a YAML mapping");
    }
    Map<String, Node> fields = fields((MappingNode) root, "", TOP_FIELDS);
    Scenario.Builder builder;
    if (fields.containsKey("base")) {
      String base = text(fields.get("base"), "base");
      if (!Scenario.BUILT_IN.contains(base)) {
        throw error(fields.get("base"), "base", "unknown scenario " + base + " (built in: " + String.join(", ", Scenario.BUILT_IN) + ")");
      }
      builder = copyOf(Scenario.named(base));
    } else {
      builder = Scenario.builder().name("custom");
    }
    if (!fields.containsKey("name")) {
      throw new ScenarioException(file + ":" + line(root) + ": field name is missing");
    }
    builder.name(text(fields.get("name"), "name"));
    Node field;
      if ((field = fields.get("repeatEvery")) != null) {
        builder.repeatEvery(duration(field, "repeatEvery"));
      }
      if ((field = fields.get("ratesPerHour")) != null) {
        for (Map.Entry<String, Node> rate : fields(mapping(field, "ratesPerHour"), "ratesPerHour.", null).entrySet()) {
          builder.ratePerHour(operationType(rate.getValue(), "ratesPerHour." + rate.getKey(), rate.getKey()),
              number(rate.getValue(), "ratesPerHour." + rate.getKey()));
        }
      }
      if ((field = fields.get("durations")) != null) {
        for (Map.Entry<String, Node> entry : fields(mapping(field, "durations"), "durations.", null).entrySet()) {
          String where = "durations." + entry.getKey();
          OperationType type = operationType(entry.getValue(), where, entry.getKey());
          Map<String, Node> d = fields(mapping(entry.getValue(), where), where + ".", Set.of("median", "spread"));
          double median = d.containsKey("median") ? seconds(d.get("median"), where + ".median") : Scenario.builder().build().durations().get(type).medianSeconds();
          double spread = d.containsKey("spread") ? number(d.get("spread"), where + ".spread") : 0.5;
          builder.duration(type, guarded(entry.getValue(), where, () -> new Scenario.DurationDistribution(median, spread)));
        }
      }
      if ((field = fields.get("outcomes")) != null) {
        Map<String, Node> o = fields(mapping(field, "outcomes"), "outcomes.", Set.of("completed", "failed", "cancelled"));
        double completed = o.containsKey("completed") ? number(o.get("completed"), "outcomes.completed") : 0;
        double failed = o.containsKey("failed") ? number(o.get("failed"), "outcomes.failed") : 0;
        double cancelled = o.containsKey("cancelled") ? number(o.get("cancelled"), "outcomes.cancelled") : 0;
        builder.outcomes(guarded(field, "outcomes", () -> new Scenario.Outcomes(completed, failed, cancelled)));
      }
      if ((field = fields.get("httpErrorRatio")) != null) {
        double ratio = number(field, "httpErrorRatio");
        Node at = field;
        guarded(at, "httpErrorRatio", () -> builder.httpErrorRatio(ratio));
      }
      if ((field = fields.get("abandonedRatio")) != null) {
        double ratio = number(field, "abandonedRatio");
        Node at = field;
        guarded(at, "abandonedRatio", () -> builder.abandonedRatio(ratio));
      }
      if ((field = fields.get("phases")) != null) {
        int index = 0;
        for (Node item : sequence(field, "phases")) {
          String where = "phases[" + index++ + "]";
          Map<String, Node> p = fields(mapping(item, where), where + ".",
              Set.of("at", "lasting", "rateFactor", "durationFactor", "failedRatio", "httpErrorRatio"));
          Duration at = duration(required(p, item, where, "at"), where + ".at");
          Duration lasting = duration(required(p, item, where, "lasting"), where + ".lasting");
          double rateFactor = p.containsKey("rateFactor") ? number(p.get("rateFactor"), where + ".rateFactor") : 1;
          double durationFactor = p.containsKey("durationFactor") ? number(p.get("durationFactor"), where + ".durationFactor") : 1;
          Double failedRatio = p.containsKey("failedRatio") ? number(p.get("failedRatio"), where + ".failedRatio") : null;
          Double httpRatio = p.containsKey("httpErrorRatio") ? number(p.get("httpErrorRatio"), where + ".httpErrorRatio") : null;
          builder.phase(guarded(item, where, () -> new Scenario.Phase(at, lasting, rateFactor, durationFactor, failedRatio, httpRatio)));
        }
      }
      if ((field = fields.get("outages")) != null) {
        int index = 0;
        for (Node item : sequence(field, "outages")) {
          String where = "outages[" + index++ + "]";
          Map<String, Node> o = fields(mapping(item, where), where + ".", Set.of("worker", "at", "lasting"));
          String worker = text(required(o, item, where, "worker"), where + ".worker");
          Duration at = duration(required(o, item, where, "at"), where + ".at");
          Duration lasting = duration(required(o, item, where, "lasting"), where + ".lasting");
          builder.outage(guarded(item, where, () -> new Scenario.Outage(worker, at, lasting)));
        }
      }
      if ((field = fields.get("ktrdrDefects")) != null) {
        String value = text(field, "ktrdrDefects");
        builder.ktrdrDefects(KtrdrDefects.ofLabel(value).orElseThrow(() -> error(fields.get("ktrdrDefects"), "ktrdrDefects",
            "must be one of " + KtrdrDefects.labels() + ", not " + value)));
      }
      if ((field = fields.get("topology")) != null) {
        builder.topology(topology(field));
      }
    return guarded(root, "scenario", builder::build);
  }

  private Topology topology(Node field) {
    if (field instanceof ScalarNode) {
      String value = text(field, "topology");
      if (!Topology.BUILT_IN.contains(value)) {
        throw error(field, "topology", "unknown topology " + value + " (built in: " + String.join(", ", Topology.BUILT_IN) + ")");
      }
      return Topology.named(value);
    }
    java.util.List<Topology.WorkerTarget> workers = new java.util.ArrayList<>();
    int index = 0;
    for (Node item : sequence(field, "topology")) {
      String where = "topology[" + index++ + "]";
      Map<String, Node> w = fields(mapping(item, where), where + ".", Set.of("name", "type", "port", "host", "started", "stopsAt"));
      String name = text(required(w, item, where, "name"), where + ".name");
      String typeLabel = text(required(w, item, where, "type"), where + ".type");
      WorkerType type = java.util.Arrays.stream(WorkerType.values()).filter(t -> t.label().equals(typeLabel)).findFirst()
          .orElseThrow(() -> error(w.get("type"), where + ".type", "must be backtesting or training, not " + typeLabel));
      double port = number(required(w, item, where, "port"), where + ".port");
      if (port != Math.rint(port)) {
        throw error(w.get("port"), where + ".port", "must be a whole number, not " + text(w.get("port"), where + ".port"));
      }
      String host = w.containsKey("host") ? text(w.get("host"), where + ".host") : name;
      boolean started = true;
      if (w.containsKey("started")) {
        String value = text(w.get("started"), where + ".started");
        if (!value.equals("true") && !value.equals("false")) {
          throw error(w.get("started"), where + ".started", "must be true or false, not " + value);
        }
        started = Boolean.parseBoolean(value);
      }
      Duration stopsAt = w.containsKey("stopsAt") ? duration(w.get("stopsAt"), where + ".stopsAt") : null;
      boolean isStarted = started;
      workers.add(guarded(item, where, () -> new Topology.WorkerTarget(name, type, host, (int) port, isStarted, stopsAt)));
    }
    return guarded(field, "topology", () -> new Topology("custom", workers));
  }

  private static Scenario.Builder copyOf(Scenario scenario) {
    return scenario.toBuilder();
  }

  private Map<String, Node> fields(MappingNode mapping, String prefix, Set<String> allowed) {
    Map<String, Node> fields = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = text(tuple.getKeyNode(), prefix + "<key>");
      if (allowed != null && !allowed.contains(key)) {
        throw error(tuple.getKeyNode(), prefix + key, "unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
      if (fields.put(key, tuple.getValueNode()) != null) {
        throw error(tuple.getKeyNode(), prefix + key, "field appears twice");
      }
    }
    return fields;
  }

  private Node required(Map<String, Node> fields, Node parent, String where, String name) {
    Node node = fields.get(name);
    if (node == null) {
      throw error(parent, where + "." + name, "field is missing");
    }
    return node;
  }

  private MappingNode mapping(Node node, String field) {
    if (!(node instanceof MappingNode)) {
      throw error(node, field, "must be a mapping");
    }
    return (MappingNode) node;
  }

  private Iterable<Node> sequence(Node node, String field) {
    if (!(node instanceof SequenceNode)) {
      throw error(node, field, "must be a list");
    }
    return ((SequenceNode) node).getValue();
  }

  private String text(Node node, String field) {
    if (!(node instanceof ScalarNode)) {
      throw error(node, field, "must be a single value");
    }
    return ((ScalarNode) node).getValue();
  }

  private double number(Node node, String field) {
    String value = text(node, field);
    try {
      double number = Double.parseDouble(value);
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw error(node, field, "must be a number, not " + value);
    }
  }

  private double seconds(Node node, String field) {
    return duration(node, field).toMillis() / 1000.0;
  }

  private Duration duration(Node node, String field) {
    String value = text(node, field).trim();
    Matcher matcher = DURATION.matcher(value);
    if (!matcher.matches()) {
      throw error(node, field, "must be a duration such as 90s, 5m, 1h or a number of seconds, not " + value);
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    double millis = amount * Map.of("ms", 1L, "s", 1000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L).get(unit);
    return Duration.ofMillis(Math.round(millis));
  }

  private OperationType operationType(Node node, String field, String label) {
    return OperationType.ofLabel(label).orElseThrow(() -> error(node, field, "unknown operation type " + label
        + " (known: " + String.join(", ", java.util.Arrays.stream(OperationType.values()).map(OperationType::label).toList()) + ")"));
  }

  private <T> T guarded(Node node, String field, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw error(node, field, e.getMessage());
    }
  }

  private ScenarioException error(Node node, String field, String message) {
    return new ScenarioException(file + ":" + line(node) + ": " + field + ": " + message);
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  /** A scenario file that cannot be used; the message names file, line and field. */
  public static final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
      super(message);
    }
  }

}

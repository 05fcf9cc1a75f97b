package io.ktrdr.observability.simulator.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares a simulated exposition with the reference one family by family, on everything a
 * PromQL query (or Prometheus' metadata) can tell apart: family names, types, HELP and UNIT,
 * how many HELP/TYPE blocks a name has, whether a family has samples, which label names each
 * series carries, bucket bounds, and the label values that are a vocabulary (routes, methods,
 * status codes, operation types...). Sample values, and label values that name a host, a port or
 * an interpreter version, may differ.
 */
final class ExpositionComparison {

  /** Labels whose values depend on where and on what the process runs, not on what it is. */
  static final Set<String> FREE_LABELS = Set.of("http_host", "http_server_name", "net_host_port");
  /** Families whose every label value is free (the interpreter that runs the reference). */
  static final Set<String> FREE_FAMILIES = Set.of("python_info");

  /**
   * COVERAGE: the reference shows something the simulator has not written yet (it may after more
   * traffic); MISMATCH: anything else.
   */
  enum Kind { COVERAGE, MISMATCH }

  record Difference(String where, String family, Kind kind, String what) {
    @Override
    public String toString() {
      return where + " " + family + ": " + what;
    }
  }

  /** What of a family is compared. */
  record Shape(String name, String type, String help, String unit, int blocks, boolean hasSamples,
      Map<String, Set<SortedSet<String>>> labelSets, Set<String> signatures, SortedSet<Double> buckets) {}

  private ExpositionComparison() {}

  static Map<String, Shape> shapes(ScrapedExposition exposition) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    exposition.blocksByName().forEach((name, blocks) -> {
      ScrapedExposition.Block first = blocks.get(0);
      Map<String, Set<SortedSet<String>>> labelSets = new TreeMap<>();
      Set<String> signatures = new TreeSet<>();
      SortedSet<Double> buckets = new TreeSet<>();
      boolean hasSamples = false;
      for (ScrapedExposition.Block block : blocks) {
        for (ScrapedExposition.Sample sample : block.samples()) {
          hasSamples = true;
          String suffix = sample.name().substring(name.length());
          labelSets.computeIfAbsent(suffix.isEmpty() ? "(name)" : suffix, s -> new LinkedHashSet<>())
              .add(new TreeSet<>(sample.labels().keySet()));
          signatures.add(signature(name, sample));
          String le = sample.labels().get("le");
          if (le != null) {
            buckets.add(ScrapedExposition.parseValue(le));
          }
        }
      }
      shapes.put(name, new Shape(name, first.type(), first.help(), first.unit(), blocks.size(), hasSamples,
          labelSets, signatures, buckets));
    });
    return shapes;
  }

  /** A sample's name and labels, free values as {@code *}, {@code le} as a number (Prometheus 3 normalises it). */
  static String signature(String family, ScrapedExposition.Sample sample) {
    StringBuilder out = new StringBuilder(sample.name()).append('{');
    String separator = "";
    for (Map.Entry<String, String> label : sample.labels().entrySet()) {
      String value = label.getValue();
      if (FREE_LABELS.contains(label.getKey()) || FREE_FAMILIES.contains(family)) {
        value = "*";
      } else if (label.getKey().equals("le")) {
        value = String.valueOf(ScrapedExposition.parseValue(value));
      }
      out.append(separator).append(label.getKey()).append("=\"").append(value).append('"');
      separator = ",";
    }
    return out.append('}').toString();
  }

  static List<Difference> compare(String where, ScrapedExposition reference, ScrapedExposition simulated) {
    List<Difference> differences = new ArrayList<>();
    if (!reference.contentType().equals(simulated.contentType())) {
      differences.add(new Difference(where, "(content type)", Kind.MISMATCH,
          "reference " + quote(reference.contentType()) + ", simulator " + quote(simulated.contentType())));
    }
    Map<String, Shape> expected = shapes(reference);
    Map<String, Shape> actual = shapes(simulated);
    for (Shape ref : expected.values()) {
      Shape sim = actual.get(ref.name());
      if (sim == null) {
        differences.add(new Difference(where, ref.name(), Kind.MISMATCH, "family missing from the simulator ("
            + ref.type() + (ref.hasSamples() ? "" : ", declared without samples") + ")"));
      } else {
        compareFamily(where, ref, sim, differences);
      }
    }
    for (Shape sim : actual.values()) {
      if (!expected.containsKey(sim.name())) {
        differences.add(new Difference(where, sim.name(), Kind.MISMATCH,
            "family the reference does not have (" + sim.type() + ")"));
      }
    }
    return differences;
  }

  private static void compareFamily(String where, Shape ref, Shape sim, List<Difference> out) {
    String name = ref.name();
    same(where, name, "type", ref.type(), sim.type(), out);
    same(where, name, "HELP", ref.help(), sim.help(), out);
    same(where, name, "UNIT", ref.unit(), sim.unit(), out);
    if (ref.blocks() != sim.blocks() && ref.hasSamples() == sim.hasSamples()) {
      // The reference writes one block per set of label names; only as many as the simulator's series show.
      out.add(new Difference(where, name, Kind.MISMATCH, "HELP/TYPE blocks: reference " + ref.blocks()
          + ", simulator " + sim.blocks()));
    }
    if (ref.hasSamples() && !sim.hasSamples()) {
      out.add(new Difference(where, name, Kind.COVERAGE, "no samples in the simulator yet"));
      return;
    }
    if (!ref.hasSamples() && sim.hasSamples()) {
      out.add(new Difference(where, name, Kind.MISMATCH, "samples in the simulator, the reference declares it without any: "
          + first(sim.signatures(), 3)));
      return;
    }
    if (!ref.buckets().equals(sim.buckets())) {
      out.add(new Difference(where, name, Kind.MISMATCH, "buckets: reference " + ref.buckets() + ", simulator " + sim.buckets()));
    }
    Set<String> suffixes = new TreeSet<>(ref.labelSets().keySet());
    suffixes.addAll(sim.labelSets().keySet());
    for (String suffix : suffixes) {
      Set<SortedSet<String>> refSets = ref.labelSets().getOrDefault(suffix, Set.of());
      Set<SortedSet<String>> simSets = sim.labelSets().getOrDefault(suffix, Set.of());
      for (SortedSet<String> set : refSets) {
        if (!simSets.contains(set)) {
          out.add(new Difference(where, name, Kind.COVERAGE, suffix + " with labels " + set + ": the simulator has no such series"));
        }
      }
      for (SortedSet<String> set : simSets) {
        if (!refSets.contains(set)) {
          out.add(new Difference(where, name, Kind.MISMATCH, suffix + " with labels " + set
              + ": the reference never writes this label set (it has " + refSets + ")"));
        }
      }
    }
    // Series whose label set the reference knows but whose vocabulary values it never writes.
    Set<SortedSet<String>> knownSets = ref.labelSets().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    // Bucket series are left to the bucket comparison: each has its _count twin listed here.
    List<String> unknown = sim.signatures().stream()
        .filter(s -> !s.startsWith(name + "_bucket{"))
        .filter(s -> !ref.signatures().contains(s))
        .filter(s -> knownSets.contains(labelNames(s)))
        .collect(Collectors.toList());
    if (!unknown.isEmpty()) {
      out.add(new Difference(where, name, Kind.MISMATCH, unknown.size() + " series the reference never writes, e.g. "
          + first(unknown, 4)));
    }
  }

  private static SortedSet<String> labelNames(String signature) {
    SortedSet<String> names = new TreeSet<>();
    String labels = signature.substring(signature.indexOf('{') + 1, signature.length() - 1);
    for (String pair : labels.split("\",")) {
      if (!pair.isEmpty()) {
        names.add(pair.substring(0, pair.indexOf('=')));
      }
    }
    return names;
  }

  private static void same(String where, String family, String what, String ref, String sim, List<Difference> out) {
    if (ref == null ? sim != null : !ref.equals(sim)) {
      out.add(new Difference(where, family, Kind.MISMATCH, what + ": reference " + quote(ref) + ", simulator " + quote(sim)));
    }
  }

  private static String quote(String s) {
    return s == null ? "(none)" : "\"" + s + "\"";
  }

  private static String first(java.util.Collection<String> items, int n) {
    return items.stream().limit(n).collect(Collectors.joining(" ")) + (items.size() > n ? " ..." : "");
  }
}

package io.ktrdr.observability.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A strict reader of the Prometheus text format, enough to check what a simulated endpoint serves. */
final class Exposition {

  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)( \\S+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  record Sample(String name, Map<String, String> labels, double value) {}

  record Family(String name, String type, List<Sample> samples) {
    Set<String> labelNames() {
      return samples.stream().flatMap(s -> s.labels().keySet().stream()).filter(l -> !l.equals("le"))
          .collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> labelValues(String label) {
      return samples.stream().map(s -> s.labels().get(label)).filter(v -> v != null)
          .collect(Collectors.toCollection(TreeSet::new));
    }

    List<Double> bucketBounds() {
      return samples.stream().filter(s -> s.name().endsWith("_bucket")).map(s -> s.labels().get("le")).distinct()
          .map(le -> le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le)).sorted().toList();
    }

    double sum(String sampleName, Map<String, String> matching) {
      return samples.stream().filter(s -> s.name().equals(sampleName))
          .filter(s -> matching.entrySet().stream().allMatch(e -> e.getValue().equals(s.labels().get(e.getKey()))))
          .mapToDouble(Sample::value).sum();
    }
  }

  private final Map<String, Family> families;

  private Exposition(Map<String, Family> families) {
    this.families = families;
  }

  /**
   * One client for every scrape: a client holds a selector thread of its own, and the tests scrape
   * hundreds of times. A connection to a server that stopped is dropped from its pool when the
   * server closes it, so a scrape of a stopped endpoint is refused as a fresh connection would be.
   */
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  static Exposition scrape(URI uri) throws Exception {
    HttpResponse<String> response = CLIENT
        .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("scrape of " + uri + " answered " + response.statusCode());
    }
    return parse(response.body());
  }

  /**
   * Parses the text format; fails on a sample outside a declared family, a family declared again
   * with another type, or a malformed line.
   */
  static Exposition parse(String text) {
    Map<String, Family> families = new LinkedHashMap<>();
    Family current = null;
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("# HELP ")) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        Family declared = families.get(parts[2]);
        if (declared != null) {
          // KTRDR's OpenTelemetry exporter declares a histogram again for each set of label names;
          // Prometheus 3 accepts that as long as the type stays the same.
          if (!declared.type().equals(parts[3])) {
            throw new AssertionError("family declared twice with types " + declared.type() + " and " + parts[3] + ": " + parts[2]);
          }
          current = declared;
          continue;
        }
        current = new Family(parts[2], parts[3], new ArrayList<>());
        families.put(parts[2], current);
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("malformed sample line: " + line);
      }
      if (current == null || !belongs(m.group(1), current)) {
        throw new AssertionError("sample " + m.group(1) + " outside its family (current: " + (current == null ? null : current.name()) + ")");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        int end = 0;
        while (l.find()) {
          if (l.start() != end) {
            throw new AssertionError("malformed labels: " + line);
          }
          labels.put(l.group(1), l.group(2));
          end = l.end();
        }
        if (end != m.group(3).length()) {
          throw new AssertionError("malformed labels: " + line);
        }
      }
      current.samples().add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
    }
    return new Exposition(families);
  }

  private static boolean belongs(String sample, Family family) {
    String name = family.name();
    switch (family.type()) {
      case "counter":
        return sample.equals(name) || sample.equals(name + "_total") || sample.equals(name.replaceAll("_total$", "") + "_total");
      case "histogram":
        return sample.equals(name + "_bucket") || sample.equals(name + "_count") || sample.equals(name + "_sum");
      default:
        return sample.equals(name);
    }
  }

  Family family(String name) {
    Family family = families.get(name);
    if (family == null) {
      throw new AssertionError("no family " + name + " among " + families.keySet());
    }
    return family;
  }

  Set<String> familyNames() {
    return families.keySet();
  }

  List<Sample> allSamples() {
    return families.values().stream().flatMap(f -> f.samples().stream()).toList();
  }
}

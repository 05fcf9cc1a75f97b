package io.ktrdr.observability.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the OpenMetrics files the history writes, checking what promtool's import
 * needs: each family declared once before its samples, samples named for their family's type,
 * well-formed labels, a timestamp on every sample, time order within each series, counters that
 * never fall, cumulative buckets ending in {@code +Inf} equal to {@code _count}, and {@code # EOF}.
 */
final class OpenMetricsFile {

  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\} (\\S+) (\\d+(?:\\.\\d+)?)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Last value of each series (name and labels as written), and what was seen. */
  final Map<String, Double> lastValues = new LinkedHashMap<>();
  final Map<String, Map<String, String>> labelsOf = new HashMap<>();
  final Map<String, String> familyTypes = new LinkedHashMap<>();
  long samples;

  static OpenMetricsFile check(Path file) throws IOException {
    OpenMetricsFile result = new OpenMetricsFile();
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      result.read(reader);
    }
    return result;
  }

  private void read(BufferedReader reader) throws IOException {
    String family = null;
    String type = null;
    Map<String, Double> lastTime = new HashMap<>();
    Map<String, Double> bucketRun = new HashMap<>();
    Set<String> closedFamilies = new HashSet<>();
    String line;
    int number = 0;
    boolean eof = false;
    while ((line = reader.readLine()) != null) {
      number++;
      if (eof) {
        throw new AssertionError("line " + number + ": content after # EOF");
      }
      if (line.equals("# EOF")) {
        eof = true;
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        if (family != null) {
          closedFamilies.add(family);
        }
        family = parts[2];
        type = parts[3];
        if (familyTypes.put(family, type) != null || closedFamilies.contains(family) && !family.equals(parts[2])) {
          throw new AssertionError("line " + number + ": family " + family + " declared twice");
        }
        continue;
      }
      if (line.startsWith("# HELP ")) {
        if (!line.split(" ")[2].equals(family)) {
          throw new AssertionError("line " + number + ": HELP for another family than " + family);
        }
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("line " + number + ": malformed sample: " + line);
      }
      String name = m.group(1);
      if (family == null || !belongs(name, family, type)) {
        throw new AssertionError("line " + number + ": " + name + " outside family " + family + " (" + type + ")");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      Matcher l = LABEL.matcher(m.group(2));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      String series = name + "{" + m.group(2) + "}";
      double value = Double.parseDouble(m.group(3));
      double time = Double.parseDouble(m.group(4));
      Double previousTime = lastTime.put(series, time);
      if (previousTime != null && time <= previousTime) {
        throw new AssertionError("line " + number + ": time goes back in " + series);
      }
      Double previous = lastValues.put(series, value);
      if (type.equals("counter") || name.endsWith("_bucket") || name.endsWith("_count")) {
        if (previous != null && value < previous) {
          throw new AssertionError("line " + number + ": counter falls in " + series + ": " + previous + " -> " + value);
        }
      }
      if (type.equals("histogram")) {
        Map<String, String> base = new LinkedHashMap<>(labels);
        String le = base.remove("le");
        String key = family + base + "@" + time;
        if (name.endsWith("_bucket")) {
          Double below = bucketRun.put(key, value);
          if (below != null && value < below) {
            throw new AssertionError("line " + number + ": buckets not cumulative in " + series);
          }
          if ("+Inf".equals(le)) {
            bucketRun.put(key + "+Inf", value);
          }
        } else if (name.endsWith("_count")) {
          Double inf = bucketRun.remove(key + "+Inf");
          bucketRun.remove(key);
          if (inf == null || inf != value) {
            throw new AssertionError("line " + number + ": _count " + value + " is not the +Inf bucket " + inf + " in " + series);
          }
        }
      }
      labelsOf.put(series, labels);
      samples++;
    }
    if (!eof) {
      throw new AssertionError("no # EOF at the end");
    }
  }

  private static boolean belongs(String sample, String family, String type) {
    switch (type) {
      case "counter":
        return sample.equals(family + "_total") || sample.equals(family + "_created");
      case "histogram":
        return sample.equals(family + "_bucket") || sample.equals(family + "_count") || sample.equals(family + "_sum")
            || sample.equals(family + "_created");
      default:
        return sample.equals(family);
    }
  }

  /** Sum of the last values of the series named {@code name}. */
  double lastSum(String name) {
    return lastValues.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{")).mapToDouble(Map.Entry::getValue).sum();
  }
}

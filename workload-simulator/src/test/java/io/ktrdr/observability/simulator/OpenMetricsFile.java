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

  /** A sample's series: its name and labels in braces (the value and timestamp follow). */
  private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\}");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d+(?:\\.\\d+)?");

  /** Last value of each series (name and labels as written), and what was seen. */
  final Map<String, Double> lastValues = new LinkedHashMap<>();
  final Map<String, Map<String, String>> labelsOf = new HashMap<>();
  final Map<String, String> familyTypes = new LinkedHashMap<>();
  long samples;

  /**
   * A series as first seen. Every sample of a series repeats the same text before its value, so
   * the text is checked and its labels parsed once (a file holds some 250,000 samples an hour).
   */
  private static final class Series {
    final String name;
    final Map<String, String> labels;
    /** Family and labels without {@code le}: the histogram sample this bucket belongs to. */
    String histogram;
    /** The family the name was checked against. */
    String family;
    double lastTime = Double.NEGATIVE_INFINITY;
    double lastValue = Double.NaN;
    boolean seen;

    Series(String name, Map<String, String> labels) {
      this.name = name;
      this.labels = labels;
    }
  }

  /** One histogram sample: family, labels without {@code le}, and time. */
  private record HistogramSample(String histogram, double time) {}

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
    Map<String, Series> seriesByText = new LinkedHashMap<>();
    Map<HistogramSample, Double> bucketRun = new HashMap<>();
    Map<HistogramSample, Double> infBuckets = new HashMap<>();
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
      // name{labels} value timestamp: neither value nor timestamp holds a space.
      int timeAt = line.lastIndexOf(' ');
      int valueAt = timeAt > 0 ? line.lastIndexOf(' ', timeAt - 1) : -1;
      if (valueAt < 0 || !isToken(line, valueAt + 1, timeAt) || !TIMESTAMP.matcher(line).region(timeAt + 1, line.length()).matches()) {
        throw new AssertionError("line " + number + ": malformed sample: " + line);
      }
      String text = line.substring(0, valueAt);
      Series series = seriesByText.get(text);
      if (series == null) {
        Matcher m = SERIES.matcher(text);
        if (!m.matches()) {
          throw new AssertionError("line " + number + ": malformed sample: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
        series = new Series(m.group(1), labels);
        seriesByText.put(text, series);
      }
      String name = series.name;
      if (family == null || !family.equals(series.family)) {
        if (family == null || !belongs(name, family, type)) {
          throw new AssertionError("line " + number + ": " + name + " outside family " + family + " (" + type + ")");
        }
        series.family = family;
        Map<String, String> base = new LinkedHashMap<>(series.labels);
        base.remove("le");
        series.histogram = family + base;
      }
      double value = Double.parseDouble(line.substring(valueAt + 1, timeAt));
      double time = Double.parseDouble(line.substring(timeAt + 1));
      if (series.seen && time <= series.lastTime) {
        throw new AssertionError("line " + number + ": time goes back in " + text);
      }
      double previous = series.lastValue;
      boolean hadPrevious = series.seen;
      series.lastTime = time;
      series.lastValue = value;
      series.seen = true;
      if (type.equals("counter") || name.endsWith("_bucket") || name.endsWith("_count")) {
        if (hadPrevious && value < previous) {
          throw new AssertionError("line " + number + ": counter falls in " + text + ": " + previous + " -> " + value);
        }
      }
      if (type.equals("histogram")) {
        HistogramSample key = new HistogramSample(series.histogram, time);
        if (name.endsWith("_bucket")) {
          Double below = bucketRun.put(key, value);
          if (below != null && value < below) {
            throw new AssertionError("line " + number + ": buckets not cumulative in " + text);
          }
          if ("+Inf".equals(series.labels.get("le"))) {
            infBuckets.put(key, value);
          }
        } else if (name.endsWith("_count")) {
          Double inf = infBuckets.remove(key);
          bucketRun.remove(key);
          if (inf == null || inf != value) {
            throw new AssertionError("line " + number + ": _count " + value + " is not the +Inf bucket " + inf + " in " + text);
          }
        }
      }
      samples++;
    }
    if (!eof) {
      throw new AssertionError("no # EOF at the end");
    }
    seriesByText.forEach((text, series) -> {
      lastValues.put(text, series.lastValue);
      labelsOf.put(text, series.labels);
    });
  }

  /** {@code line[from, to)} is a non-empty run without whitespace. */
  private static boolean isToken(String line, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.isWhitespace(line.charAt(i))) {
        return false;
      }
    }
    return true;
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

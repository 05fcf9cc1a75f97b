package io.ktrdr.observability.simulator.fidelity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exact reader of the Prometheus text format (0.0.4 and 1.0.0) and OpenMetrics 1.0 as a
 * scraper sees them: every HELP/TYPE/UNIT block in order (a name declared twice makes two blocks),
 * every sample with its labels. It fails on a malformed line, naming it, rather than guessing.
 */
final class ScrapedExposition {

  record Sample(String name, Map<String, String> labels, String value) {}

  /** One run of lines for a name: its metadata and the samples written under it. */
  record Block(String name, String type, String help, String unit, List<Sample> samples) {}

  private final String contentType;
  private final List<Block> blocks;

  private ScrapedExposition(String contentType, List<Block> blocks) {
    this.contentType = contentType;
    this.blocks = Collections.unmodifiableList(blocks);
  }

  String contentType() {
    return contentType;
  }

  List<Block> blocks() {
    return blocks;
  }

  boolean isOpenMetrics() {
    return contentType != null && contentType.startsWith("application/openmetrics-text");
  }

  static ScrapedExposition parse(String contentType, String text) {
    List<Block> blocks = new ArrayList<>();
    boolean openMetrics = contentType != null && contentType.startsWith("application/openmetrics-text");
    MutableBlock current = null;
    boolean eof = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (eof && !line.isEmpty()) {
        throw new IllegalArgumentException("line " + number + ": content after # EOF: " + line);
      }
      if (line.isEmpty()) {
        if (openMetrics && i < lines.length - 1) {
          throw new IllegalArgumentException("line " + number + ": empty line in OpenMetrics");
        }
        continue;
      }
      if (line.equals("# EOF")) {
        eof = true;
        continue;
      }
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ") || line.startsWith("# UNIT ")) {
        String keyword = line.substring(2, 6);
        String rest = line.substring(7);
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        String argument = space < 0 ? "" : rest.substring(space + 1);
        // A new block starts at another name, or where this name's metadata would repeat.
        if (current == null || !current.name.equals(name) || current.has(keyword) || !current.samples.isEmpty()) {
          current = new MutableBlock(name);
          blocks.add(current.freeze());
        }
        current.set(keyword, keyword.equals("HELP") ? unescapeHelp(argument, openMetrics) : argument);
        blocks.set(blocks.size() - 1, current.freeze());
        continue;
      }
      if (line.startsWith("#")) {
        if (openMetrics) {
          throw new IllegalArgumentException("line " + number + ": unknown comment in OpenMetrics: " + line);
        }
        continue;
      }
      Sample sample = parseSample(line, number);
      if (current == null || !belongs(sample.name(), current)) {
        // The text format allows samples of an undeclared (untyped) name.
        if (openMetrics) {
          throw new IllegalArgumentException("line " + number + ": sample " + sample.name() + " outside its family "
              + (current == null ? "(none declared)" : current.name));
        }
        current = new MutableBlock(sample.name());
        current.type = "untyped";
        blocks.add(current.freeze());
      }
      current.samples.add(sample);
      blocks.set(blocks.size() - 1, current.freeze());
    }
    if (openMetrics && !eof) {
      throw new IllegalArgumentException("OpenMetrics exposition without # EOF");
    }
    return new ScrapedExposition(contentType, blocks);
  }

  private static boolean belongs(String sampleName, MutableBlock block) {
    String name = block.name;
    if (sampleName.equals(name)) {
      return true;
    }
    String type = block.type == null ? "untyped" : block.type;
    List<String> suffixes;
    switch (type) {
      case "counter":
        suffixes = List.of("_total", "_created");
        break;
      case "histogram":
        suffixes = List.of("_bucket", "_count", "_sum", "_created", "_gcount", "_gsum");
        break;
      case "summary":
        suffixes = List.of("_count", "_sum", "_created");
        break;
      case "info":
        suffixes = List.of("_info");
        break;
      default:
        suffixes = List.of();
    }
    return suffixes.stream().anyMatch(s -> sampleName.equals(name + s));
  }

  private static String unescapeHelp(String help, boolean openMetrics) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      if (c == '\\' && i + 1 < help.length()) {
        char next = help.charAt(++i);
        switch (next) {
          case 'n':
            out.append('\n');
            break;
          case '\\':
            out.append('\\');
            break;
          case '"':
            if (openMetrics) {
              out.append('"');
              break;
            }
            out.append('\\').append(next);
            break;
          default:
            out.append('\\').append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Sample parseSample(String line, int number) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new IllegalArgumentException("line " + number + ": bad metric name: " + line);
    }
    Map<String, String> labels = new TreeMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (true) {
        if (i >= line.length()) {
          throw new IllegalArgumentException("line " + number + ": unterminated labels: " + line);
        }
        if (line.charAt(i) == '}') {
          i++;
          break;
        }
        int eq = line.indexOf('=', i);
        if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("line " + number + ": malformed label: " + line);
        }
        String label = line.substring(i, eq);
        if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
          throw new IllegalArgumentException("line " + number + ": bad label name " + label + ": " + line);
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; j < line.length() && line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\' && j + 1 < line.length()) {
            char next = line.charAt(++j);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
        }
        if (j >= line.length()) {
          throw new IllegalArgumentException("line " + number + ": unterminated label value: " + line);
        }
        if (labels.put(label, value.toString()) != null) {
          throw new IllegalArgumentException("line " + number + ": label " + label + " twice: " + line);
        }
        i = j + 1;
        if (i < line.length() && line.charAt(i) == ',') {
          i++;
        }
      }
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      throw new IllegalArgumentException("line " + number + ": no value: " + line);
    }
    String rest = line.substring(i + 1);
    int exemplar = rest.indexOf(" # ");
    String[] parts = (exemplar < 0 ? rest : rest.substring(0, exemplar)).split(" ");
    if (parts.length < 1 || parts.length > 2) {
      throw new IllegalArgumentException("line " + number + ": malformed value and timestamp: " + line);
    }
    try {
      parseValue(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + number + ": bad value " + parts[0] + ": " + line);
    }
    return new Sample(name, labels, parts[0]);
  }

  static double parseValue(String value) {
    switch (value) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        return Double.parseDouble(value);
    }
  }

  private static final class MutableBlock {
    final String name;
    String type;
    String help;
    String unit;
    final List<Sample> samples = new ArrayList<>();

    MutableBlock(String name) {
      this.name = name;
    }

    boolean has(String keyword) {
      switch (keyword) {
        case "HELP":
          return help != null;
        case "TYPE":
          return type != null;
        default:
          return unit != null;
      }
    }

    void set(String keyword, String value) {
      switch (keyword) {
        case "HELP":
          help = value;
          break;
        case "TYPE":
          type = value;
          break;
        default:
          unit = value;
      }
    }

    Block freeze() {
      return new Block(name, type, help, unit, samples);
    }
  }

  /** Blocks merged by name, in order of first appearance. */
  Map<String, List<Block>> blocksByName() {
    Map<String, List<Block>> byName = new LinkedHashMap<>();
    for (Block block : blocks) {
      byName.computeIfAbsent(block.name(), n -> new ArrayList<>()).add(block);
    }
    return byName;
  }
}

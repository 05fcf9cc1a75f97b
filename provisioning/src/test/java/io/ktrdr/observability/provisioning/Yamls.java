package io.ktrdr.observability.provisioning;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads generated YAML back for content assertions. */
final class Yamls {
  private Yamls() {}

  static Map<String, Object> parse(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  /** Follows keys through nested mappings, e.g. {@code at(doc, "services", "grafana", "image")}. */
  static Object at(Object document, String... keys) {
    Object current = document;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> mapping) || !mapping.containsKey(key)) {
        throw new AssertionError("no key " + key + " in " + current);
      }
      current = mapping.get(key);
    }
    return current;
  }
}

package io.ktrdr.observability.e2e.provisioning;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Reads generated YAML files for assertions. */
final class GeneratedFiles {
  private GeneratedFiles() {}

  static Map<String, Object> yaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> yaml, String key) {
    return (List<Map<String, Object>>) yaml.get(key);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> yaml, String key) {
    return (Map<String, Object>) yaml.get(key);
  }
}

package io.ktrdr.observability.provisioning;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

/** Generated files in memory: relative paths ({@code /}-separated, sorted) to UTF-8 text. */
public final class GeneratedFiles {
  private final SortedMap<String, String> files;

  GeneratedFiles(SortedMap<String, String> files) {
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(files, "files")));
  }

  /** Every file, by relative path. */
  public SortedMap<String, String> files() {
    return files;
  }

  /** The text of one file. */
  public String text(String path) {
    String text = files.get(requireNonNull(path, "path"));
    if (text == null) {
      throw new NoSuchElementException("path: no generated file " + path + "; generated: " + files.keySet());
    }
    return text;
  }

  public byte[] bytes(String path) {
    return text(path).getBytes(StandardCharsets.UTF_8);
  }
}

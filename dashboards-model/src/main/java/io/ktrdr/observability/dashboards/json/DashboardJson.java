package io.ktrdr.observability.dashboards.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ktrdr.observability.dashboards.internal.Json;
import io.ktrdr.observability.dashboards.model.Dashboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Reads and writes dashboards as Grafana's JSON. Writing is deterministic: keys in alphabetical order at every
 * level, two-space indentation, {@code "key": value}, {@code \n} line ends and a trailing newline.
 * The same model gives the same bytes every time.
 */
public final class DashboardJson {

  private static final String INDENT = "  ";
  private static final String NEWLINE = "\n";

  private static final ObjectWriter WRITER =
      Json.MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter(INDENT, NEWLINE))
              .withArrayIndenter(new DefaultIndenter(INDENT, NEWLINE)));

  private static final ObjectReader READER =
      Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private DashboardJson() {}

  /**
   * Reads a dashboard from Grafana JSON text, such as an export from Grafana's UI. Fields the model
   * does not type are kept, so {@link #write(Dashboard)} gives back the same JSON (keys sorted).
   *
   * @throws IllegalArgumentException naming line and column when the text is not JSON or not an
   *     object, or has a duplicate key
   */
  public static Dashboard read(String json) {
    return read(requireNonNull(json, "json"), "dashboard JSON");
  }

  /**
   * Reads a dashboard from a UTF-8 file of Grafana JSON.
   *
   * @throws IllegalArgumentException naming the file, line and column when it is not a JSON object
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Dashboard read(Path file) {
    requireNonNull(file, "file");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard " + file, e);
    }
    return read(json, file.toString());
  }

  private static Dashboard read(String json, String source) {
    JsonNode tree;
    try {
      tree = READER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where =
          location == null
              ? source
              : source + ":" + location.getLineNr() + ":" + location.getColumnNr();
      throw new IllegalArgumentException(where + ": " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(
          source + ": a dashboard must be a JSON object, not " + describe(tree));
    }
    return DashboardReader.dashboard((ObjectNode) tree);
  }

  private static String describe(JsonNode tree) {
    return tree == null || tree.isMissingNode()
        ? "empty input"
        : tree.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** The dashboard as Grafana JSON text, ending with a newline. */
  public static String write(Dashboard dashboard) {
    requireNonNull(dashboard, "dashboard");
    try {
      return WRITER.writeValueAsString(DashboardWriter.dashboard(dashboard)) + NEWLINE;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write dashboard " + dashboard.uid(), e);
    }
  }

  /**
   * Writes the dashboard to {@code file} (UTF-8), creating parent directories. The text is
   * written to a sibling temporary file first and moved into place, so a failure never leaves a
   * half-written file.
   */
  public static void write(Dashboard dashboard, Path file) {
    requireNonNull(file, "file");
    String text = write(dashboard);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dashboard to " + file, e);
    }
  }
}
